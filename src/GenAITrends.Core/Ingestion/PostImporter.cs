using System.Diagnostics;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using nietras.SeparatedValues;

namespace GenAITrends.Core.Ingestion;

/// <summary>
/// Imports one CSV export, all-or-nothing: every row is written inside one SQLite transaction that
/// commits together with the batch's final counts, so a crash, a cancellation or a file-level error
/// leaves the posts, themes and rollups exactly as they were. Row-level problems reject that row
/// (kept with its line number and reason) and the rest goes in.
/// </summary>
public sealed class PostImporter(string connectionString, IPostAnnotator annotator, ILogger<PostImporter> logger, TimeProvider? clock = null)
{
    public const int MaxFieldChars = 1024 * 1024;
    private const int MaxRecordChars = 4 * MaxFieldChars;
    private const int MaxColumns = 512;
    private const int BlockSize = 4096;
    private const int MaxStoredRejects = 100_000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var displayName = Path.GetFileName(request.DisplayName ?? request.FilePath);
        var stopwatch = Stopwatch.StartNew();
        var size = new FileInfo(request.FilePath).Length;
        var batchId = request.ExistingBatchId ?? 0;
        try
        {
            batchId = request.ExistingBatchId ?? await ImportBatches.CreateAsync(connectionString, displayName, size, request.ImportedBy, _clock, ct);
            await ImportBatches.MarkRunningAsync(connectionString, batchId, _clock, ct);
        }
        catch (SqliteException ex)
        {
            // Not even the batch row could be written (a read-only database, a full disk): nothing started,
            // nothing to record it on, so report it like any other failure instead of throwing.
            var message = Describe(ex);
            logger.LogWarning("Import of {File} could not start: {Reason}", displayName, message);
            return new ImportResult { BatchId = batchId, File = displayName, Status = ImportStatus.Failed, Error = message, Duration = stopwatch.Elapsed };
        }
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["BatchId"] = batchId, ["File"] = displayName });
        logger.LogInformation("Import {BatchId} of {File} ({Bytes} bytes) started", batchId, displayName, size);

        var state = new RunState();
        try
        {
            var facts = await Task.Run(() => FileSniffer.Sniff(request.FilePath, ct), ct);
            state.Sha256 = facts.Sha256;
            state.Encoding = facts.EncodingName;
            await ImportBatches.SetHashAsync(connectionString, batchId, facts.Sha256, ct);

            var previous = await ImportBatches.FindSucceededBySha256Async(connectionString, facts.Sha256, batchId, ct);
            if (previous is not null && !request.AllowRepeat)
                throw new ImportFailedException($"This file (SHA-256 {facts.Sha256[..12]}…) was already imported as batch #{previous}; force a re-run to import it again.");
            state.Previous = previous;

            await Task.Run(() => Run(request.FilePath, facts, batchId, state, progress, stopwatch, ct), ct);
            var result = state.ToResult(batchId, displayName, ImportStatus.Succeeded, null, stopwatch.Elapsed);
            logger.LogInformation(
                "Import {BatchId} of {File} succeeded: {Rows} rows, {Imported} imported, {Updated} updated, {Duplicates} duplicates, {Rejected} rejected in {DurationMs} ms ({Layout}, {Encoding})",
                batchId, displayName, result.Rows, result.Imported, result.Updated, result.Duplicates, result.Rejected,
                (long)stopwatch.Elapsed.TotalMilliseconds, result.Layout, result.Encoding);
            return result;
        }
        catch (Exception ex) when (ex is ImportFailedException or OperationCanceledException or SqliteException or IOException or UnauthorizedAccessException)
        {
            var message = Describe(ex);
            var result = state.ToResult(batchId, displayName, ImportStatus.Failed, message, stopwatch.Elapsed);
            await TryRecordFailure(batchId, result);
            logger.LogWarning("Import {BatchId} of {File} failed after {DurationMs} ms: {Reason}",
                batchId, displayName, (long)stopwatch.Elapsed.TotalMilliseconds, message);
            return result;
        }
        catch (Exception ex)
        {
            // A bug or an environment problem: still roll back (done by disposal), record and report it.
            var result = state.ToResult(batchId, displayName, ImportStatus.Failed, $"Unexpected error: {ex.Message}. Nothing was changed.", stopwatch.Elapsed);
            await TryRecordFailure(batchId, result);
            logger.LogError(ex, "Import {BatchId} of {File} failed unexpectedly", batchId, displayName);
            return result;
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        ImportFailedException => ex.Message,
        OperationCanceledException => "The import was cancelled; nothing was changed.",
        SqliteException { SqliteErrorCode: 13 } => "The disk is full: the import was rolled back and nothing was changed.",
        SqliteException { SqliteErrorCode: 8 } => "The database is read-only: the import was rolled back and nothing was changed.",
        SqliteException s => $"Database error ({s.SqliteErrorCode}): {s.Message}. Nothing was changed.",
        _ => $"Could not read the file: {ex.Message}",
    };

    private async Task TryRecordFailure(long batchId, ImportResult result)
    {
        try
        {
            await ImportBatches.MarkFailedAsync(connectionString, batchId, result, _clock, CancellationToken.None);
        }
        catch (SqliteException ex)
        {
            // A read-only or full disk can refuse even this small write; the import itself is rolled back.
            logger.LogError(ex, "Could not record the failure of import {BatchId}", batchId);
        }
    }

    /// <summary>A block of parsed rows on its way from the parsing stage to the writing stage.</summary>
    private sealed record Block(List<PostDraft> Drafts, List<(long Line, string Reason, string Raw)> Rejects, long BytesRead);

    private void Run(string path, FileFacts facts, long batchId, RunState state, IProgress<ImportProgress>? progress, Stopwatch stopwatch, CancellationToken ct)
    {
        state.Delimiter = DelimiterDetector.Detect(path, facts.Encoding, facts.PreambleLength);

        using var connection = SqliteConnections.Open(connectionString);
        // Rebuilding the indexes dropped for a bulk load sorts every row: let SQLite spill those sorts to temporary
        // files rather than keep them in memory, and keep a 32 MB page cache (rows are appended; the dedupe-key index
        // is the only B-tree written at random; a bulk load, which checks dedupe keys in memory, lowers it to 16 MB):
        // both bound the import's memory. The connection's defaults come back
        // when it is next opened (SqliteConnections.ApplyPragmas).
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA temp_store=FILE; PRAGMA cache_size=-32768;";
            pragma.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction(deferred: false);
        // ≈ 200 bytes a row in the exports seen so far: a rough guess is enough to pick the bulk-load path.
        using var writer = new SqlitePostWriter(connection, tx, batchId, expectedRows: Math.Max(1, facts.SizeBytes / 200));
        using var rejects = new RejectedRowWriter(connection, tx, batchId);

        // Two stages on two cores: parsing + classification feed SQLite writes through a small bounded queue.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new System.Collections.Concurrent.BlockingCollection<Block>(boundedCapacity: 2);
        var producer = Task.Run(() =>
        {
            try { Parse(path, facts, state, queue, linked.Token); }
            finally { queue.CompleteAdding(); }
        }, linked.Token);

        long lastProgressRows = 0, written = 0;
        // Where the writer's time goes (logged at the end): waiting for parsed blocks, or writing them.
        var waiting = new Stopwatch();
        try
        {
            using var blocks = queue.GetConsumingEnumerable(linked.Token).GetEnumerator();
            while (true)
            {
                waiting.Start();
                bool more = blocks.MoveNext();
                waiting.Stop();
                if (!more) break;
                var block = blocks.Current;
                foreach (var (line, reason, raw) in block.Rejects) rejects.Add(line, reason, raw);
                foreach (var draft in block.Drafts)
                {
                    switch (writer.Write(draft))
                    {
                        case WriteOutcome.Imported: state.Imported++; break;
                        case WriteOutcome.Updated: state.Updated++; break;
                        default: state.Duplicates++; break;
                    }
                }
                written += block.Drafts.Count + block.Rejects.Count;
                writer.FlushRollups(force: false);
                if (progress is not null && written - lastProgressRows >= 10_000)
                {
                    lastProgressRows = written;
                    progress.Report(new ImportProgress(batchId, written, block.BytesRead, facts.SizeBytes, stopwatch.Elapsed));
                }
            }
        }
        catch (Exception) when (!producer.IsCompleted)
        {
            linked.Cancel();
            try { producer.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        try { producer.Wait(CancellationToken.None); }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }

        if (state.Rows == 0)
            throw new ImportFailedException("The file has a header but no data rows.");
        if (state.Imported + state.Updated + state.Duplicates == 0)
        {
            var first = state.Errors.FirstOrDefault();
            throw new ImportFailedException($"No row could be imported: all {state.Rejected:N0} rows were rejected (first: line {first?.Line}: {first?.Reason}).");
        }

        ct.ThrowIfCancellationRequested();
        var loaded = stopwatch.Elapsed;
        writer.Finish();
        ImportBatches.MarkSucceeded(connection, tx, batchId, state.ToResult(batchId, "", ImportStatus.Succeeded, null, stopwatch.Elapsed), annotator.Version, _clock);
        tx.Commit();
        logger.LogInformation(
            "Import {BatchId} timing: rows loaded at {LoadedMs} ms (writer waited {WaitMs} ms for parsed blocks), indexes, rollups and commit {FinishMs} ms (rollup flushes {FlushMs} ms in all, per-author rollup aggregates {AggregateMs} ms, index rebuild {IndexMs} ms); SQLite memory high-water {SqliteMb} MB, managed heap {HeapMb} MB",
            batchId, (long)loaded.TotalMilliseconds, waiting.ElapsedMilliseconds, (long)(stopwatch.Elapsed - loaded).TotalMilliseconds,
            writer.RollupFlushMs, writer.AggregateMs, writer.IndexRebuildMs,
            SQLitePCL.raw.sqlite3_memory_highwater(0) >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
        progress?.Report(new ImportProgress(batchId, state.Rows, facts.SizeBytes, facts.SizeBytes, stopwatch.Elapsed));
    }

    /// <summary>The parsing stage: CSV records → validated drafts (classified) or rejects, in blocks.</summary>
    private void Parse(string path, FileFacts facts, RunState state, System.Collections.Concurrent.BlockingCollection<Block> queue, CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        stream.Position = facts.PreambleLength;
        using var text = new GuardedTextReader(new StreamReader(stream, facts.Encoding, false, 1 << 16), MaxRecordChars);

        ColumnMap? map = null;
        RowMapper? mapper = null;
        var header = new List<string>();
        var cols = new List<string>();
        var drafts = new List<PostDraft>(BlockSize);
        var rejected = new List<(long, string, string)>();

        void Emit()
        {
            if (drafts.Count == 0 && rejected.Count == 0) return;
            ct.ThrowIfCancellationRequested();
            annotator.Annotate(drafts);
            foreach (var d in drafts)
            {
                d.TextUtf8 = System.Text.Encoding.UTF8.GetBytes(d.Text);
                d.SearchTextUtf8 = System.Text.Encoding.UTF8.GetBytes(SearchText.ForIndex(d.MatchText));
            }
            // The CSV reader closes the stream when its enumeration ends: then the whole file has been read.
            queue.Add(new Block(drafts, rejected, stream.CanSeek ? stream.Position : facts.SizeBytes), ct);
            drafts = new List<PostDraft>(BlockSize);
            rejected = [];
        }

        long nextLine = 1;
        try
        {
            // Created inside the try: Sep reads ahead on creation, so a first record without end throws here.
            using var reader = Sep.New(state.Delimiter!.Value).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
            foreach (var row in reader)
            {
                text.MarkRecordBoundary();
                var line = (long)row.LineNumberFrom;
                var recordStart = nextLine;
                nextLine = row.LineNumberToExcl;

                // A record only ends inside quotes at the end of the file: the rest of the file was swallowed
                // into one field. (Checked on the raw span, before columns are unescaped in place.)
                if (row.Span.Count('"') % 2 != 0)
                    throw new ImportFailedException($"Line {recordStart}: a quoted field is never closed (unterminated quote) and runs to the end of the file: the file is truncated or malformed.");

                if (map is null)
                {
                    if (IsBlankRecord(row)) continue; // blank lines before the header
                    if (row.ColCount > MaxColumns)
                        throw new ImportFailedException($"The header has {row.ColCount:N0} columns (more than {MaxColumns}): this is not a post export.");
                    for (int i = 0; i < row.ColCount; i++) header.Add(row[i].ToString().Trim().Trim('\uFEFF'));
                    map = ColumnMap.FromHeader(header);
                    mapper = new RowMapper(map, _clock);
                    state.Layout = map.Layout.ToString();
                    continue;
                }
                if (IsBlankRecord(row)) continue;
                state.Rows++;

                cols.Clear();
                string? problem = null;
                for (int i = 0; i < row.ColCount; i++)
                {
                    var span = row[i].Span;
                    if (span.Length > MaxFieldChars)
                        throw new ImportFailedException($"Line {line}: field {i + 1} is {span.Length:N0} characters long (the limit is 1 MB): the file is malformed or not a post export.");
                    if (i < header.Count) cols.Add(span.ToString());
                    else if (!span.IsWhiteSpace()) problem ??= $"has {row.ColCount} fields but the header has {header.Count}";
                }
                if (row.ColCount < header.Count)
                    problem = $"has {row.ColCount} fields but the header has {header.Count}";

                var mapped = problem is null ? mapper!.Map(cols, line) : new MappedRow(null, problem);
                if (mapped.Draft is null)
                {
                    state.Rejected++;
                    var reason = mapped.RejectReason!;
                    if (state.Errors.Count < ImportResult.MaxErrorsReported) state.Errors.Add(new RowError(line, reason));
                    if (state.Rejected <= MaxStoredRejects) rejected.Add((line, reason, RowMapper.Excerpt(row.Span.ToString(), 300)));
                }
                else
                {
                    drafts.Add(mapped.Draft);
                }
                if (drafts.Count == BlockSize || rejected.Count == BlockSize) Emit();
            }
        }
        catch (RecordTooLongException)
        {
            throw new ImportFailedException($"The record starting at line {nextLine} runs over {MaxRecordChars / MaxFieldChars} MB without ending: an unterminated quote or a file without line breaks.");
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new ImportFailedException($"The file is not valid CSV near line {state.Rows + 1}: {ex.Message}");
        }

        if (map is null)
            throw new ImportFailedException("The file has no header row: it is empty or blank.");
        Emit();
    }

    private static bool IsBlankRecord(SepReader.Row row)
    {
        for (int i = 0; i < row.ColCount; i++)
            if (!row[i].Span.IsWhiteSpace()) return false;
        return true;
    }

    private sealed class RunState
    {
        public long Rows, Imported, Updated, Duplicates, Rejected;
        public List<RowError> Errors { get; } = [];
        public string? Sha256, Layout, Encoding;
        public char? Delimiter;
        public long? Previous;

        public ImportResult ToResult(long batchId, string file, ImportStatus status, string? error, TimeSpan duration) => new()
        {
            BatchId = batchId,
            File = file,
            Status = status,
            // A failed import changes nothing: report rows read, but no row as stored.
            Rows = Rows,
            Imported = status == ImportStatus.Succeeded ? Imported : 0,
            Updated = status == ImportStatus.Succeeded ? Updated : 0,
            Duplicates = status == ImportStatus.Succeeded ? Duplicates : 0,
            Rejected = Rejected,
            Errors = [.. Errors],
            Error = error,
            Sha256 = Sha256,
            Layout = Layout,
            Encoding = Encoding,
            Delimiter = Delimiter,
            Duration = duration,
            PreviousImportOfSameFile = Previous,
        };
    }
}
