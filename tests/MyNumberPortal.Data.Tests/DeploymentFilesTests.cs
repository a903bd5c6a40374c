using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MyNumberPortal.Data.Tests;

/// <summary>
/// No Docker engine runs here, so the deployment files are checked as files: docker-compose.yml (SQL Server stack),
/// docker-compose.sqlite.yml, the Dockerfile, .dockerignore, .env.example, deploy/nginx.conf; and the image's health
/// probe (deploy/healthcheck.sh) is run against a stand-in HTTP server. See docs/operations.md.
/// </summary>
public class DeploymentFilesTests
{
    private static readonly Lazy<string> Root = new(() => FindRepositoryRoot());

    // ---- docker-compose.yml: SQL Server 2022 + portal instances + proxy -------------------------------------------

    [Fact]
    public void Compose_file_has_sqlserver_portal_and_proxy_services()
    {
        var services = Services("docker-compose.yml");
        Assert.Contains("sqlserver", services.Keys);
        Assert.Contains("portal", services.Keys);
        Assert.Contains("proxy", services.Keys);
    }

    [Fact]
    public void SqlServer_is_2022_with_the_EULA_a_required_password_a_health_check_and_a_volume()
    {
        var (compose, services) = Compose("docker-compose.yml");
        var sql = services["sqlserver"];
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", Scalar(sql, "image"), StringComparison.Ordinal);

        var env = Environment(sql);
        Assert.Equal("Y", env["ACCEPT_EULA"]);
        Assert.Matches(RequiredPasswordVariable(), env["MSSQL_SA_PASSWORD"]);

        var test = HealthcheckTest(sql);
        Assert.Contains("/opt/mssql-tools18/bin/sqlcmd", test, StringComparison.Ordinal);
        Assert.Contains(" -C ", test, StringComparison.Ordinal);
        Assert.Contains("SELECT 1", test, StringComparison.Ordinal);
        Assert.Contains("$$MSSQL_SA_PASSWORD", test, StringComparison.Ordinal); // the container's variable, not a literal

        var volume = Assert.Single(Sequence(sql, "volumes").Select(v => ((YamlScalarNode)v).Value!), v => v.EndsWith(":/var/opt/mssql", StringComparison.Ordinal));
        var named = volume.Split(':')[0];
        Assert.Contains(named, Mapping(compose, "volumes").Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void Portal_is_built_from_the_Dockerfile_and_waits_for_a_healthy_SQL_Server()
    {
        var portal = Services("docker-compose.yml")["portal"];
        var build = Mapping(portal, "build");
        Assert.Equal(".", Scalar(build, "context"));
        Assert.Equal("Dockerfile", Scalar(build, "dockerfile"));

        var dependsOn = Mapping(portal, "depends_on");
        Assert.Equal("service_healthy", Scalar(Mapping(dependsOn, "sqlserver"), "condition"));

        var test = HealthcheckTest(portal);
        Assert.Contains("portal-healthcheck", test, StringComparison.Ordinal);
        Assert.Contains("/health/ready", test, StringComparison.Ordinal);
    }

    [Fact]
    public void Portal_is_configured_by_environment_for_SQL_Server()
    {
        var env = Environment(Services("docker-compose.yml")["portal"]);
        Assert.Equal("SqlServer", env["Database__Provider"]);
        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.True(int.TryParse(Regex.Replace(env["Rules__RefreshSeconds"], @"^\$\{[A-Z_]+:-(\d+)\}$", "$1"), out var seconds) && seconds > 0,
            $"Rules__RefreshSeconds: {env["Rules__RefreshSeconds"]}");

        var connection = new DbConnectionStringBuilder { ConnectionString = env["ConnectionStrings__Portal"] };
        var server = (string)connection["Server"];
        Assert.Matches(@"^(tcp:)?sqlserver(,\d+)?$", server);
        Assert.Equal("true", ((string)connection["TrustServerCertificate"]).ToLowerInvariant());
        Assert.Matches(RequiredPasswordVariable(), (string)connection["Password"]);
        Assert.False(string.IsNullOrWhiteSpace((string)connection["Database"]));
    }

    [Fact]
    public void Portal_instances_scale_behind_the_proxy_without_fixed_host_ports()
    {
        var services = Services("docker-compose.yml");
        var portal = services["portal"];
        Assert.False(portal.Children.ContainsKey("ports"), "a fixed host port would stop --scale portal=N");
        Assert.False(portal.Children.ContainsKey("container_name"), "a fixed container name would stop --scale portal=N");

        var proxy = services["proxy"];
        Assert.NotEmpty(Sequence(proxy, "ports"));
        Assert.Equal("service_healthy", Scalar(Mapping(Mapping(proxy, "depends_on"), "portal"), "condition"));
        var config = Assert.Single(Sequence(proxy, "volumes").Select(v => ((YamlScalarNode)v).Value!), v => v.Contains("nginx.conf", StringComparison.Ordinal));
        var file = Path.Combine(Root.Value, config.Split(':')[0].TrimStart('.', '/'));
        Assert.True(File.Exists(file), file);

        var nginx = string.Join('\n', File.ReadAllLines(file).Select(l => l.Split('#')[0])); // without comments
        Assert.Matches(@"server\s+portal:8080\s+resolve", nginx); // re-resolves the service name: new instances join
        Assert.Matches(@"resolver\s+127\.0\.0\.11", nginx);
        Assert.Matches(@"proxy_pass\s+http://portal;", nginx);
        // Pages, forms and the API: round robin, no sticky sessions.
        var pages = Regex.Match(nginx, @"upstream\s+portal\s*\{(?<body>[^}]*)\}").Groups["body"].Value;
        Assert.Contains("server portal:8080", pages, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(ip_hash|sticky|hash)\b", pages);
        var root = Regex.Match(nginx, @"location\s+/\s*\{(?<body>[^}]*)\}").Groups["body"].Value;
        Assert.Matches(@"proxy_pass\s+http://portal;", root);
        // The circuit of an interactive staff page (/_blazor, WebSocket included): one instance per browser, by a cookie's key.
        var circuits = Regex.Match(nginx, @"upstream\s+portal_circuits\s*\{(?<body>[^}]*)\}").Groups["body"].Value;
        Assert.Matches(@"hash\s+\$circuit_affinity\s+consistent;", circuits);
        Assert.Matches(@"server\s+portal:8080\s+resolve", circuits);
        Assert.Matches(@"map\s+\$cookie_portal_circuit\s+\$circuit_affinity\s*\{[^}]*""""\s+\$request_id;", nginx);
        var blazor = Regex.Match(nginx, @"location\s+/_blazor\s*\{(?<body>[^}]*)\}").Groups["body"].Value;
        Assert.Matches(@"proxy_pass\s+http://portal_circuits;", blazor);
        Assert.Matches(@"proxy_set_header\s+Upgrade\s+\$http_upgrade;", blazor);
        Assert.Matches(@"proxy_set_header\s+Connection\s+\$connection_upgrade;", blazor);
        Assert.Matches(@"add_header\s+Set-Cookie\s+""portal_circuit=\$circuit_affinity;\s*Path=/_blazor;", blazor);
        Assert.Matches(@"proxy_next_upstream\s+off;", blazor);
        Assert.DoesNotContain("$request ", nginx, StringComparison.Ordinal); // access log without query strings
    }

    [Fact]
    public void SQLite_stack_runs_one_portal_on_a_volume_without_SQL_Server()
    {
        var services = Services("docker-compose.sqlite.yml");
        Assert.Equal(new[] { "portal" }, services.Keys);
        var portal = services["portal"];
        var env = Environment(portal);
        Assert.Equal("Sqlite", env["Database__Provider"]);
        Assert.StartsWith("Data Source=/data/", env["ConnectionStrings__Portal"], StringComparison.Ordinal);
        Assert.Contains(Sequence(portal, "volumes").Select(v => ((YamlScalarNode)v).Value!), v => v.EndsWith(":/data", StringComparison.Ordinal));
        Assert.Contains("/health/ready", HealthcheckTest(portal), StringComparison.Ordinal);
    }

    // ---- secrets ----------------------------------------------------------------------------------------------------

    [Fact]
    public void No_literal_password_in_the_deployment_files()
    {
        var files = new[] { "docker-compose.yml", "docker-compose.sqlite.yml", "Dockerfile", ".env.example", "docs/operations.md" }
            .Concat(Directory.GetFiles(Path.Combine(Root.Value, "deploy")).Select(f => Path.GetRelativePath(Root.Value, f)))
            .Concat(Directory.GetFiles(Path.Combine(Root.Value, "src"), "appsettings*.json", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(Root.Value, f)));
        var connectionPassword = new Regex(@"(?i)(?<![\w$])(password|pwd)\s*=\s*(?<value>[^;""'\s]*)");
        var saPassword = new Regex(@"(?<![{\w])MSSQL_SA_PASSWORD\s*[:=][ \t]*(?<value>\S*)"); // not ${MSSQL_SA_PASSWORD:?…}
        var problems = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(Path.Combine(Root.Value, file));
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in connectionPassword.Matches(lines[i]))
                {
                    if (m.Groups["value"].Value.Length > 0 && !m.Groups["value"].Value.StartsWith('$'))
                    {
                        problems.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                    }
                }

                foreach (Match m in saPassword.Matches(lines[i]))
                {
                    var value = m.Groups["value"].Value.TrimStart('"', '\'');
                    if (value.Length > 0 && !value.StartsWith('$'))
                    {
                        problems.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Env_example_leaves_the_password_empty_and_env_files_stay_out_of_git_and_the_image()
    {
        var assignment = Assert.Single(File.ReadAllLines(Path.Combine(Root.Value, ".env.example")),
            l => l.StartsWith("MSSQL_SA_PASSWORD=", StringComparison.Ordinal));
        Assert.Equal("MSSQL_SA_PASSWORD=", assignment.Trim());
        Assert.Contains(".env", Lines(".gitignore"));
        Assert.Contains(".env", Lines(".dockerignore"));
    }

    // ---- Dockerfile and .dockerignore -------------------------------------------------------------------------------

    [Fact]
    public void Dockerfile_builds_with_the_SDK_and_runs_on_the_ASP_NET_runtime_as_a_non_root_user()
    {
        var lines = DockerfileInstructions();
        var froms = lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(froms.Count >= 2, "multi-stage: a build stage and a runtime stage");
        Assert.Matches(@"(?i)^FROM\s+mcr\.microsoft\.com/dotnet/sdk:10\.0\S*\s+AS\s+build$", froms[0].l);
        Assert.Matches(@"(?i)^FROM\s+mcr\.microsoft\.com/dotnet/aspnet:10\.0\S*(\s+AS\s+\w+)?$", froms[^1].l);

        var build = lines[froms[0].i..froms[^1].i];
        var publish = Assert.Single(build, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.DoesNotContain("FullNuGet", publish, StringComparison.Ordinal); // every package is a plain reference
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);

        var runtime = lines[froms[^1].i..];
        Assert.Contains(runtime, l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        var user = Assert.Single(runtime, l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase))["USER ".Length..].Trim();
        Assert.DoesNotMatch(@"^(root|0)(:.*)?$", user);
        Assert.Equal("$APP_UID", user);
        var healthcheck = Assert.Single(runtime, l => l.StartsWith("HEALTHCHECK ", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("/health/ready", healthcheck, StringComparison.Ordinal);
        Assert.Contains(runtime, l => Regex.IsMatch(l, @"^ENV\s.*\bASPNETCORE_HTTP_PORTS=8080\b"));
        Assert.Matches(@"^ENTRYPOINT\s+\[""dotnet"",\s*""MyNumberPortal\.Web\.dll""\]$", runtime[^1]);
    }

    [Fact]
    public void Everything_the_Dockerfile_copies_exists_and_is_not_excluded_by_dockerignore()
    {
        var ignored = Lines(".dockerignore").Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var copy in DockerfileInstructions().Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
            foreach (var source in parts[..^1])
            {
                var path = Path.Combine(Root.Value, source.TrimEnd('/'));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{copy}: {source} does not exist");
                var top = source.TrimEnd('/').Split('/')[0];
                Assert.DoesNotContain(top, ignored);
            }
        }
    }

    [Fact]
    public void Dockerignore_excludes_build_outputs_databases_and_node_modules()
    {
        var ignored = Lines(".dockerignore");
        foreach (var pattern in new[] { "**/bin", "**/obj", "**/artifacts", "**/node_modules", "**/*.db" })
        {
            Assert.Contains(pattern, ignored);
        }
    }

    // ---- the image's health probe ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("200 OK", 0)]
    [InlineData("503 Service Unavailable", 1)]
    public async Task Health_probe_succeeds_only_on_200_from_health_ready(string status, int expectedExit)
    {
        if (!File.Exists("/bin/bash") && !File.Exists("/usr/bin/bash"))
        {
            return; // the probe runs in the Linux image; nothing to run it with here
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requestLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            requestLine.TrySetResult(await reader.ReadLineAsync() ?? "");
            while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
            {
            }

            var body = status.StartsWith("200", StringComparison.Ordinal) ? "Healthy" : "Unhealthy";
            var response = $"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        });

        var start = new ProcessStartInfo("bash", [Path.Combine(Root.Value, "deploy", "healthcheck.sh"), "/health/ready"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_HTTP_PORTS"] = $"{port};9";
        using var probe = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await probe.WaitForExitAsync(timeout.Token);
        await server.WaitAsync(timeout.Token);

        Assert.Equal("GET /health/ready HTTP/1.1", await requestLine.Task);
        Assert.Equal(expectedExit, probe.ExitCode == 0 ? 0 : 1);
    }

    [Fact]
    public async Task Health_probe_fails_when_nothing_listens()
    {
        if (!File.Exists("/bin/bash") && !File.Exists("/usr/bin/bash"))
        {
            return;
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(Root.Value, "deploy", "healthcheck.sh")]) { RedirectStandardError = true };
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var probe = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await probe.WaitForExitAsync(timeout.Token);
        Assert.NotEqual(0, probe.ExitCode);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /// <summary><c>${MSSQL_SA_PASSWORD:?message}</c>: docker compose stops with the message when it is unset or empty.</summary>
    private static Regex RequiredPasswordVariable() => new(@"^\$\{MSSQL_SA_PASSWORD:\?[^}]+\}$");

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MyNumberPortal.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"MyNumberPortal.sln not found above {AppContext.BaseDirectory} or {thisFile}.");
    }

    private static List<string> Lines(string file) =>
        File.ReadAllLines(Path.Combine(Root.Value, file)).Select(l => l.Trim()).ToList();

    /// <summary>The Dockerfile's instructions: comments dropped, continuation lines joined, whitespace collapsed.</summary>
    private static List<string> DockerfileInstructions()
    {
        var joined = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in File.ReadAllLines(Path.Combine(Root.Value, "Dockerfile")))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            var continues = line.EndsWith('\\');
            current.Append(' ').Append(continues ? line[..^1] : line);
            if (!continues)
            {
                joined.Add(Regex.Replace(current.ToString().Trim(), @"\s+", " "));
                current.Clear();
            }
        }

        return joined;
    }

    private static (YamlMappingNode Root, Dictionary<string, YamlMappingNode> Services) Compose(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root.Value, file)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)Assert.Single(yaml.Documents).RootNode;
        var services = Mapping(root, "services").Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value);
        return (root, services);
    }

    private static Dictionary<string, YamlMappingNode> Services(string file) => Compose(file).Services;

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode(key)]);

    private static YamlSequenceNode Sequence(YamlMappingNode node, string key) =>
        Assert.IsType<YamlSequenceNode>(node.Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlMappingNode node, string key) =>
        Assert.IsType<YamlScalarNode>(node.Children[new YamlScalarNode(key)]).Value ?? "";

    /// <summary>A service's environment, written either as a mapping or as a list of KEY=VALUE.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service)
    {
        var node = service.Children[new YamlScalarNode("environment")];
        return node switch
        {
            YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? ""),
            YamlSequenceNode list => list.Children.Select(c => ((YamlScalarNode)c).Value!.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
            _ => throw new InvalidOperationException("environment must be a mapping or a list"),
        };
    }

    /// <summary>A service's healthcheck test as one string (CMD/CMD-SHELL list or a plain string).</summary>
    private static string HealthcheckTest(YamlMappingNode service)
    {
        var test = Mapping(service, "healthcheck").Children[new YamlScalarNode("test")];
        return test switch
        {
            YamlSequenceNode list => string.Join(' ', list.Children.Select(c => ((YamlScalarNode)c).Value)),
            YamlScalarNode scalar => scalar.Value ?? "",
            _ => throw new InvalidOperationException("healthcheck.test must be a list or a string"),
        };
    }
}
