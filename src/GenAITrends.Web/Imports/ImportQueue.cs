using System.Collections.Concurrent;
using System.Threading.Channels;
using GenAITrends.Core.Ingestion;

namespace GenAITrends.Web.Imports;

/// <summary>An upload stored on disk, waiting for its turn. The batch row (status Queued) already exists.</summary>
public sealed record QueuedImport(long BatchId, string StoredPath, string DisplayName, string ImportedBy, bool AllowRepeat);

/// <summary>What the worker knows about an import in this process: live progress, then the outcome.</summary>
public sealed record LiveImport(ImportProgress? Progress, ImportResult? Result);

/// <summary>
/// The imports waiting or running, one at a time (SQLite has one writer anyway). The queue lives in
/// memory; the batch rows in the database are the durable record, so a page reload finds every import
/// again, and a restart marks the unfinished ones failed (nothing of them was committed).
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<QueuedImport> _channel = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, LiveImport> _live = new();

    public ValueTask EnqueueAsync(QueuedImport item, CancellationToken ct)
    {
        _live[item.BatchId] = new LiveImport(null, null);
        return _channel.Writer.WriteAsync(item, ct);
    }

    public IAsyncEnumerable<QueuedImport> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);

    public void Report(ImportProgress progress) => _live[progress.BatchId] = new LiveImport(progress, null);

    public void Complete(long batchId, ImportResult result)
    {
        _live.TryGetValue(batchId, out var last);
        _live[batchId] = new LiveImport(last?.Progress, result);
    }

    public LiveImport? Get(long batchId) => _live.TryGetValue(batchId, out var live) ? live : null;
}
