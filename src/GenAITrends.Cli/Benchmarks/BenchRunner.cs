using System.Diagnostics;

namespace GenAITrends.Cli.Benchmarks;

/// <summary>Small helpers shared by the benchmarks: child processes, medians, scratch folders.</summary>
public static class BenchRunner
{
    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = p / 100 * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public sealed record ChildRun(int ExitCode, TimeSpan Elapsed, string StdOut, string StdErr);

    public static ChildRun Run(string fileName, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        sw.Stop();
        return new ChildRun(p.ExitCode, sw.Elapsed, stdout.Result, stderr.Result);
    }

    /// <summary>How to start this same CLI as a child process (dotnet genaitrends.dll, or the published binary).</summary>
    public static (string File, string[] Prefix) Self()
    {
        var processPath = Environment.ProcessPath!;
        var entry = typeof(BenchRunner).Assembly.Location;
        return Path.GetFileNameWithoutExtension(processPath) == "dotnet" && !string.IsNullOrEmpty(entry)
            ? (processPath, [entry])
            : (processPath, []);
    }

    public static string ScratchDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genaitrends-bench");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void DeleteDatabase(string path)
    {
        // A pooled connection would keep the deleted file alive and serve its old schema to the next run.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}
