using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GenAITrends.Core.Storage;

/// <summary>
/// A prepared statement driven through SQLitePCL directly: bind by position, step, reset. The import's
/// hot statements run millions of times, and ADO.NET's per-execution work (parameter lookup by name,
/// data reader set-up) costs more than SQLite's insert itself. Same connection and transaction.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    public RawStatement Bind(int index, long value) { Check(raw.sqlite3_bind_int64(_stmt, index, value)); return this; }
    public RawStatement Bind(int index, double value) { Check(raw.sqlite3_bind_double(_stmt, index, value)); return this; }
    public RawStatement Bind(int index, string? value)
    {
        // UTF-16 straight from the string: SQLite converts it to the database's UTF-8 itself (and copies it), which
        // spares the managed UTF-8 byte[] the string overload allocates for every bound value.
        Check(value is null ? raw.sqlite3_bind_null(_stmt, index) : raw.sqlite3_bind_text16(_stmt, index, value.AsSpan()));
        return this;
    }
    /// <summary>Binds UTF-8 text (SQLite copies it).</summary>
    public RawStatement BindUtf8(int index, ReadOnlySpan<byte> utf8) { Check(raw.sqlite3_bind_text(_stmt, index, utf8)); return this; }
    public RawStatement Bind(int index, long? value) => value.HasValue ? Bind(index, value.Value) : BindNull(index);
    public RawStatement Bind(int index, double? value) => value.HasValue ? Bind(index, value.Value) : BindNull(index);
    public RawStatement BindNull(int index) { Check(raw.sqlite3_bind_null(_stmt, index)); return this; }

    /// <summary>Runs the statement to completion; returns the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
            if (rc != raw.SQLITE_DONE) Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _stmt.Dispose();
}
