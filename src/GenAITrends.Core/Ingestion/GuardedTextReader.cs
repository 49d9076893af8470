namespace GenAITrends.Core.Ingestion;

/// <summary>
/// Wraps the decoded text stream to bound how much the CSV parser may buffer for one record.
/// Without it a file with no line breaks, or an unterminated quote early in a large file, would be
/// read whole into memory. The import loop calls <see cref="MarkRecordBoundary"/> after each record.
/// </summary>
internal sealed class GuardedTextReader(TextReader inner, long maxRecordChars) : TextReader
{
    private long _charsRead;
    private long _mark;

    public long CharsRead => _charsRead;

    public void MarkRecordBoundary() => _mark = _charsRead;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_charsRead - _mark > maxRecordChars)
            throw new RecordTooLongException();
        var n = inner.Read(buffer);
        _charsRead += n;
        return n;
    }

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

internal sealed class RecordTooLongException : Exception;
