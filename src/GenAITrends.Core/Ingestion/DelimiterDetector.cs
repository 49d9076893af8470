using System.Text;

namespace GenAITrends.Core.Ingestion;

/// <summary>Picks comma, semicolon or tab by counting them, outside quotes, on the header line.</summary>
public static class DelimiterDetector
{
    private static readonly char[] Candidates = [',', ';', '\t'];

    public static char Detect(string path, Encoding encoding, int preambleLength)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.Position = preambleLength;
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[64 * 1024];
        var n = reader.ReadBlock(buffer, 0, buffer.Length);
        return Detect(buffer.AsSpan(0, n));
    }

    public static char Detect(ReadOnlySpan<char> start)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        bool quoted = false;
        foreach (var c in start)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted)
            {
                var i = Array.IndexOf(Candidates, c);
                if (i >= 0) counts[i]++;
            }
        }
        int best = 0;
        for (int i = 1; i < counts.Length; i++)
            if (counts[i] > counts[best]) best = i;
        return Candidates[best];
    }
}
