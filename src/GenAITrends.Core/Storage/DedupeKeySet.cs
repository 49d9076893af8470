using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>
/// The dedupe keys of a bulk load, kept in memory while the unique dedupe-key index is dropped: a 64-bit hash of each
/// stored key maps to the id of the first post stored with that hash (≈ 28 bytes a post). A hit is confirmed by
/// reading that post's key (a primary-key lookup); keys that share a hash with another stored key (rare) are kept
/// whole in a side table. So a key is found if and only if it is stored, and the unique index rebuilt at the end
/// cannot meet a duplicate.
/// </summary>
internal sealed class DedupeKeySet
{
    private readonly Dictionary<ulong, long> _byHash;
    private readonly Dictionary<string, long> _collided = new(StringComparer.Ordinal);

    /// <summary>For tests: replaces <see cref="Hash"/> (e.g. to force collisions).</summary>
    internal static Func<string, ulong>? HashOverride;

    private DedupeKeySet(int capacity) => _byHash = new Dictionary<ulong, long>(capacity);

    public int Count => _byHash.Count + _collided.Count;

    /// <summary>Loads the keys already stored; room is made for <paramref name="expectedRows"/> more.</summary>
    public static DedupeKeySet Load(SqliteConnection connection, SqliteTransaction tx, long expectedRows)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT coalesce(max(Id), 0) FROM Posts";
        var stored = (long)cmd.ExecuteScalar()!;
        var set = new DedupeKeySet((int)Math.Min(stored + expectedRows + 1024, 1 << 26));
        cmd.CommandText = "SELECT Id, DedupeKey FROM Posts";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var key = r.GetString(1);
            set.Add(key, Hash(key), r.GetInt64(0), collided: false);
        }
        return set;
    }

    /// <summary>The post id stored under this key's hash (or under the key itself after a collision); the caller
    /// confirms a hash hit by comparing the stored key.</summary>
    public bool Find(string key, ulong hash, out long id)
    {
        if (_collided.Count > 0 && _collided.TryGetValue(key, out id)) return true;
        return _byHash.TryGetValue(hash, out id);
    }

    /// <param name="collided">True when <see cref="Find"/> returned a post with another key under the same hash.</param>
    public void Add(string key, ulong hash, long id, bool collided)
    {
        if (collided || !_byHash.TryAdd(hash, id)) _collided[key] = id;
    }

    /// <summary>FNV-1a over the UTF-16 code units, then a 64-bit finaliser (murmur3's fmix64) to spread the bits.</summary>
    public static ulong Hash(string key)
    {
        if (HashOverride is { } f) return f(key);
        ulong h = 14695981039346656037UL;
        foreach (var c in key) h = (h ^ c) * 1099511628211UL;
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
