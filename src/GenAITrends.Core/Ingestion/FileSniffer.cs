using System.Security.Cryptography;
using System.Text;

namespace GenAITrends.Core.Ingestion;

/// <summary>What a first streaming pass over a file learns: its hash, its encoding and whether it is text at all.</summary>
public sealed record FileFacts(string Sha256, long SizeBytes, Encoding Encoding, int PreambleLength, string EncodingName);

/// <summary>
/// Reads the file once, in blocks, to hash it and decide its encoding: BOM first (UTF-8, UTF-16 LE/BE),
/// else UTF-8 when every byte sequence is valid, else Windows-1252. Rejects obvious non-text files.
/// </summary>
public static class FileSniffer
{
    static FileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static FileFacts Sniff(string path, CancellationToken ct = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Sniff(stream, ct);
    }

    public static FileFacts Sniff(Stream stream, CancellationToken ct = default)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[buffer.Length + 4];
        bool utf8Valid = true;
        long size = 0;
        Encoding? bomEncoding = null;
        int preamble = 0;
        bool first = true;
        int nulBytes = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            sha.AppendData(buffer, 0, read);
            var span = buffer.AsSpan(0, read);
            if (first)
            {
                first = false;
                (bomEncoding, preamble) = DetectBom(span);
                if (bomEncoding is null)
                {
                    if (span.StartsWith("PK\u0003\u0004"u8))
                        throw new ImportFailedException("The file is a ZIP archive, not a CSV export: unzip it and upload the .csv inside.");
                    // Byte arrays, not u8 literals: "\u0089"u8 would be the two UTF-8 bytes C2 89.
                    if (span.StartsWith("%PDF"u8) || span.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
                        throw new ImportFailedException("The file is binary (PDF, gzip or image), not a CSV export.");
                }
                span = span[preamble..];
            }
            if (bomEncoding is null)
            {
                nulBytes += span.Count((byte)0);
                if (utf8Valid)
                {
                    try { utf8.GetChars(span, chars, flush: false); }
                    catch (DecoderFallbackException) { utf8Valid = false; }
                }
            }
            size += read;
        }
        if (bomEncoding is null && utf8Valid)
        {
            try { utf8.GetChars(ReadOnlySpan<byte>.Empty, chars, flush: true); }
            catch (DecoderFallbackException) { utf8Valid = false; }
        }

        if (size == 0)
            throw new ImportFailedException("The file is empty.");
        if (bomEncoding is null && nulBytes > 0)
            throw new ImportFailedException($"The file contains {nulBytes:N0} NUL bytes: it is binary, or UTF-16 without a byte-order mark. Save it as UTF-8 CSV.");

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (bomEncoding is not null)
            return new FileFacts(hash, size, bomEncoding, preamble, bomEncoding.WebName);
        return utf8Valid
            ? new FileFacts(hash, size, new UTF8Encoding(false), 0, "utf-8")
            : new FileFacts(hash, size, Windows1252, 0, "windows-1252");
    }

    private static (Encoding?, int) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false), 3);
        // UTF-32 LE starts like UTF-16 LE (FF FE), so it is tested first.
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (new UTF32Encoding(false, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (new UTF32Encoding(true, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false), 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false), 2);
        return (null, 0);
    }
}
