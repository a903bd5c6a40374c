using System.Reflection;
using Microsoft.Playwright;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The resident flows, print and layout tests share one server and one Chromium. xunit runs the tests of a
/// collection one after another, and collections side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The accessibility scans have their own server and Chromium, so that they run beside the other browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-accessibility";
}

/// <summary>The portal on a real TCP port and Debian's Chromium, headless, driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (apt-get install chromium); Playwright's own browsers are never downloaded.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A phone: the viewport of a current mid-size smartphone.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly PortalServer server;

    public BrowserFixture()
        : this(null)
    {
    }

    /// <summary>A fixture whose server has <paramref name="settings"/> on top of the tests' configuration.</summary>
    internal BrowserFixture(IReadOnlyDictionary<string, string>? settings) => server = new PortalServer(settings);
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The portal's services (its rule catalogue and clock), to enumerate the cases a test opens.</summary>
    public IServiceProvider Services => server.Services;

    public async Task InitializeAsync()
    {
        BaseUrl = server.Start();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var context in shared.Values)
        {
            await context.CloseAsync();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await server.DisposeAsync();
    }

    private readonly Dictionary<(bool JavaScript, string Language), IBrowserContext> shared = [];
    private readonly SemaphoreSlim sharedLock = new(1, 1);

    /// <summary>A fresh browser context (no cookies: Japanese) on the portal, with or without JavaScript, as a phone by default.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript, ViewportSize? viewport = null, bool mobile = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = viewport ?? Phone,
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = 1,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        });
        // Generous: the whole suite runs test projects side by side on two cores.
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>A new page in a new context; close the context (<see cref="IBrowserContext.CloseAsync"/>) at the end.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(bool javaScript, ViewportSize? viewport = null)
    {
        var context = await NewContextAsync(javaScript, viewport);
        return (context, await context.NewPageAsync());
    }

    /// <summary>
    /// A new page (a phone; close it at the end) in a context shared by the tests that neither switch the
    /// language nor depend on a fresh one: Japanese, or English as chosen with the language switch.
    /// Sharing contexts keeps the run fast.
    /// </summary>
    public async Task<IPage> SharedPageAsync(bool javaScript, string language = "ja", ViewportSize? viewport = null)
    {
        IBrowserContext? context;
        await sharedLock.WaitAsync();
        try
        {
            if (!shared.TryGetValue((javaScript, language), out context))
            {
                context = await NewContextAsync(javaScript);
                if (language != "ja")
                {
                    var setup = await context.NewPageAsync();
                    var response = await setup.GotoAsync($"/language/{language}?return=%2F");
                    Assert.Equal(200, response?.Status);
                    Assert.Equal(language, await setup.Locator("html").GetAttributeAsync("lang"));
                    await setup.CloseAsync();
                }

                shared[(javaScript, language)] = context;
            }
        }
        finally
        {
            sharedLock.Release();
        }

        var page = await context.NewPageAsync();
        if (viewport is not null)
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }

        return page;
    }

    /// <summary>
    /// The repository root: found by walking up from the test binaries to MyNumberPortal.sln (the default build
    /// layout), or else the source location recorded at build time (an <c>--artifacts-path</c> outside the tree).
    /// </summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MyNumberPortal.sln")))
            {
                return dir.FullName;
            }
        }

        var recorded = typeof(BrowserFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "MyNumberPortal.sln")))
        {
            return Path.GetFullPath(recorded);
        }

        throw new InvalidOperationException($"MyNumberPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
