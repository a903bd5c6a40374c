using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using MyNumberPortal.Benchmarks;

// `--cases`: list the seed cases chosen as simple and most complex (and how many complete cases the seeds allow).
if (args.Contains("--cases"))
{
    var cases = SeedCases.All(SeedCases.LoadCatalog());
    Console.WriteLine($"{cases.Count} complete seed cases");
    Console.WriteLine($"simple:       {SeedCases.Simple(cases)}");
    Console.WriteLine($"most complex: {SeedCases.Complex(cases)}");
    return;
}

// A short job by default: the build machines have 2 shared cores (docs/performance.md). Other BenchmarkDotNet
// arguments (--filter, --job, --exporters, --artifacts …) pass through.
var config = DefaultConfig.Instance;
if (!args.Contains("--job"))
{
    config = config.AddJob(Job.ShortRun.WithId("ShortRun"));
}

BenchmarkSwitcher.FromAssembly(typeof(GuidanceBenchmarks).Assembly).Run(args, config);
