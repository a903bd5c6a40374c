using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// The built portal (<c>MyNumberPortal.Web.dll</c>, which the test project's reference puts next to the test assembly)
/// running as a real process of its own: <c>dotnet MyNumberPortal.Web.dll --urls http://127.0.0.1:&lt;free port&gt;</c>,
/// content root and working directory the test output folder (appsettings*.json and Seed/ are there; wwwroot is not,
/// which the API does not need). Its standard output and error are kept (the last lines) for failure messages.
/// Disposing kills the whole process tree.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private readonly Process process;
    private readonly Queue<string> output = new();
    private int killed;

    private PortalProcess(string name, Process process, Uri address)
    {
        Name = name;
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>A name for messages (<c>A</c>, <c>B</c>).</summary>
    public string Name { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client whose base address is <see cref="Address"/>.</summary>
    public HttpClient Client { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The folder the portal runs from: the test assembly's, where the build copies the referenced web app.</summary>
    public static string AppDirectory => AppContext.BaseDirectory;

    /// <summary>Everything the process wrote so far (the last <see cref="KeptLines"/> lines).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>
    /// Starts the portal with the given environment variables (on top of the test process's own, without its
    /// <c>ASPNETCORE_*</c>/<c>DOTNET_STARTUP_HOOKS</c>) and returns at once; see <see cref="WaitUntilReadyAsync"/>.
    /// </summary>
    public static PortalProcess Start(string name, IReadOnlyDictionary<string, string> environment) => Start(name, environment, null);

    /// <summary>
    /// Starts the portal as <see cref="Start(string, IReadOnlyDictionary{string, string})"/> does, or, with
    /// <paramref name="command"/> (<c>create-staff --user …</c>), runs that command of it instead of the web server.
    /// </summary>
    public static PortalProcess Start(string name, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string>? command)
    {
        var dll = Path.Combine(AppDirectory, "MyNumberPortal.Web.dll");
        foreach (var file in new[] { dll, Path.ChangeExtension(dll, ".runtimeconfig.json"), Path.ChangeExtension(dll, ".deps.json"), Path.Combine(AppDirectory, "appsettings.json") })
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{file} is missing: build the test project (it references MyNumberPortal.Web, whose output is copied next to the tests).");
            }
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        string[] arguments = command is null ? [dll, "--urls", address.ToString().TrimEnd('/'), "--contentRoot", AppDirectory] : [dll, .. command];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_STARTUP_HOOKS", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var portal = new PortalProcess(name, process, address);
        process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Portal {name} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Should the test run itself be killed, do not leave the portal behind.
        AppDomain.CurrentDomain.ProcessExit += portal.KillOnExit;
        return portal;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the process's output if it exits or the time runs out.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Portal {Name} exited with code {process.ExitCode} before it was ready.\n{Output}");
            }

            try
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await Client.GetAsync(new Uri("health/ready", UriKind.Relative), cancel.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Portal {Name} ({Address}) was not ready after {timeout.TotalSeconds:0} s (last: {last}).\n{Output}");
    }

    /// <summary>
    /// Stops the portal as an orchestrator does (<c>SIGTERM</c>: <c>docker stop</c>, Kubernetes, systemd) and waits for it to
    /// exit; returns its exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await signal.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the process to exit by itself (a command); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Client.Dispose();
        Kill();
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time: nothing more can be done from here.
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        if (Interlocked.Exchange(ref killed, 1) == 1)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > KeptLines)
            {
                output.Dequeue();
            }
        }
    }

    /// <summary>A loopback port that was free a moment ago (bound to port 0, then released).</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The <c>dotnet</c> host running the tests (the SDK sets <c>DOTNET_HOST_PATH</c>), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
