using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Fulfilment.Sandbox.Storage;

/// <summary>
/// Runs the Azurite Table service (the npm package pinned in the repository's package.json) in memory on a free
/// loopback port, and stops it on dispose. Installs the package with <c>npm ci</c> when it is missing.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process process;

    private AzuriteProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connection string for the well-known development account (not a secret).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = FindRepositoryRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            await RunNpmCiAsync(root, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var started = await TryStartAsync(executable, port, cancellationToken).ConfigureAwait(false);
            if (started is not null)
            {
                return started;
            }

            if (attempt == 5)
            {
                throw new InvalidOperationException("Azurite did not start after 5 attempts; run 'npm ci' and check that Node.js 20+ is installed.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
    }

    private static async Task<AzuriteProcess?> TryStartAsync(string executable, int port, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetResult(false);
            }
            else if (e.Data.Contains("successfully started", StringComparison.OrdinalIgnoreCase)
                     || e.Data.Contains("successfully listening", StringComparison.OrdinalIgnoreCase))
            {
                ready.TrySetResult(true);
            }
        };
        process.BeginOutputReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var ok = await ready.Task.WaitAsync(timeout.Token).ConfigureAwait(false) && await AcceptsConnectionsAsync(port, cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return new AzuriteProcess(process, port);
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        return null;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }


    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(info) ?? throw new InvalidOperationException("Could not run npm; install Node.js 20+.");
        await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' failed with exit code {npm.ExitCode} in {root}.");
        }
    }

    /// <summary>
    /// The folder holding package.json (where Azurite is pinned): searched upwards from the binaries and the
    /// current directory, then the repository the sandbox was built from.
    /// </summary>
    public static string FindRepositoryRoot()
    {
        var builtFrom = typeof(AzuriteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), builtFrom];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "Fulfilment.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository root (package.json beside Fulfilment.sln).");
    }
}
