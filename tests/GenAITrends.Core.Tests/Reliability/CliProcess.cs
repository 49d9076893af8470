using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace GenAITrends.Core.Tests.Reliability;

/// <summary>
/// The real CLI (genaitrends.dll) run as a child process with `dotnet`, so a test can kill it like a
/// crash or an OOM killer would: SIGKILL, no finally blocks, no disposal, no rollback.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process)
    {
        _process = process;
    }

    /// <summary>
    /// The CLI's build output. The test project references the CLI project (without its assembly) so it is
    /// built first; its path for this configuration is baked into the test assembly. Falls back to a
    /// search from the repository root for other layouts.
    /// </summary>
    public static string DllPath
    {
        get
        {
            var baked = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "CliDll")?.Value;
            if (baked is not null && File.Exists(baked)) return Path.GetFullPath(baked);

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var cli = Path.Combine(dir.FullName, "src", "GenAITrends.Cli", "bin");
                if (!Directory.Exists(cli)) continue;
                var found = Directory.EnumerateFiles(cli, "genaitrends.dll", SearchOption.AllDirectories)
                    .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
                if (found is not null) return found;
            }
            throw new FileNotFoundException($"genaitrends.dll not found (looked at {baked} and under src/GenAITrends.Cli/bin); build the solution first.");
        }
    }

    public static CliProcess Start(params string[] args) => Start(null, args);

    /// <summary>Starts the CLI with extra environment variables (e.g. <c>ConnectionStrings__Default</c>, <c>Models__Directory</c>).</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(DllPath);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (cli._stdout) cli._stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (cli._stderr) cli._stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs the CLI to the end (or fails the test after <paramref name="timeout"/>).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] args) =>
        RunAsync(timeout, null, args);

    /// <summary>Runs the CLI to the end with extra environment variables (or fails the test after <paramref name="timeout"/>).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var cli = Start(environment, args);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await cli._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            cli.Kill();
            throw new TimeoutException($"genaitrends {string.Join(' ', args)} did not finish within {timeout}. stderr: {cli.Stderr}");
        }
        return (cli._process.ExitCode, cli.Stdout, cli.Stderr);
    }

    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;
    public int ExitCode => _process.ExitCode;
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>SIGKILL on Unix (TerminateProcess on Windows): the process gets no chance to clean up.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try { Kill(); }
        catch (InvalidOperationException) { /* never started or already gone */ }
        _process.Dispose();
    }
}
