using System.Globalization;
using System.Text;
using EniAgent.Bench;

// eniagent daemon benchmarks (bench/run.sh). Usage:
//   EniAgent.Bench [hotplug|idle|soak|cycles|all] --agent NAME=PROGRAM... [--trials 30] [--idle-minutes 10] [--soak-minutes 10] [--cycles 10000] [--out FILE]
// PROGRAM is "dotnet path/eniagent.dll" or a NativeAOT binary; NAME labels it in the results.
ThreadPool.SetMinThreads(16, 16);
var what = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var agents = new List<(string Name, string[] Program)>();
int trials = 30, cycles = 10_000;
var idle = TimeSpan.FromMinutes(10);
var soak = TimeSpan.FromMinutes(10);
string? output = null;
for (var i = what == "all" && (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) ? 0 : 1; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--agent":
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            agents.Add((value[..eq], value[(eq + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            break;
        case "--trials": trials = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--idle-minutes": idle = TimeSpan.FromMinutes(double.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--soak-minutes": soak = TimeSpan.FromMinutes(double.Parse(value, CultureInfo.InvariantCulture)); break;
        case "--cycles": cycles = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--out": output = value; break;
        default: throw new ArgumentException($"unknown option {args[i]}");
    }
}

if (agents.Count == 0)
{
    throw new ArgumentException("give at least one --agent NAME=PROGRAM");
}

var report = new StringBuilder();
void Line(string text)
{
    lock (report)
    {
        Console.WriteLine(text);
        report.AppendLine(text);
    }
}

// Other work on the machine skews every number here: say how busy it was.
static string Raw(IEnumerable<double> values) => string.Join(' ', values.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)));
static string Load() => "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

Line($"# eniagent daemon benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Line($"machine: {Environment.ProcessorCount} CPU(s), {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()}, kernel {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}, {Environment.Version}");

if (what is "hotplug" or "all")
{
    foreach (var (name, program) in agents)
    {
        Console.Error.WriteLine($"hot-plug latency, {name}, {trials} + {trials} trials");
        var load = Load();
        var r = await HotplugBench.RunAsync(program, trials);
        Line($"hotplug {name}: {load} before, {Load()} after");
        Line($"hotplug {name} listed-before, from the link's appearance: {Percentiles.Describe(r.Listed)}");
        Line($"hotplug {name} listed-late,   from the link's appearance: {Percentiles.Describe(r.Late)}");
        Line($"hotplug {name} listed-before, from issuing the move:     {Percentiles.Describe(r.ListedFromMove)}");
        Line($"hotplug {name} listed-late,   from issuing the move:     {Percentiles.Describe(r.LateFromMove)}");
        Line($"hotplug {name} raw listed-before ms (appearance): {Raw(r.Listed)}");
        Line($"hotplug {name} raw listed-late ms (appearance): {Raw(r.Late)}");
    }
}

// Idle and cycles run side by side (all agents at once): idle means the daemons barely use the CPU.
var parallel = new List<Task>();
if (what is "idle" or "all")
{
    foreach (var (name, program) in agents)
    {
        parallel.Add(Task.Run(async () =>
        {
            var r = await IdleBench.RunAsync(program, idle);
            Line(string.Create(CultureInfo.InvariantCulture,
                $"idle {name} {r.Duration.TotalMinutes:0.0} min: RSS {r.RssStartKiB / 1024.0:0.0} -> {r.RssEndKiB / 1024.0:0.0} MiB (max {r.RssMaxKiB / 1024.0:0.0}), CPU {r.CpuTime.TotalSeconds:0.00} s = {r.CpuPercent:0.000} %, metadata requests {r.MetadataRequests} ({string.Join(", ", r.ByPath.Select(p => $"{p.Key} x{p.Value}"))})"));
        }));
    }
}

if (what is "soak" or "all")
{
    foreach (var (name, program) in agents)
    {
        parallel.Add(Task.Run(async () =>
        {
            var r = await IdleBench.RunAsync(program, soak, IdleBench.SoakConfig);
            Line(string.Create(CultureInfo.InvariantCulture,
                $"soak {name} {r.Duration.TotalMinutes:0.0} min, metadata polled every 1 s: RSS {r.RssStartKiB / 1024.0:0.0} -> {r.RssEndKiB / 1024.0:0.0} MiB (max {r.RssMaxKiB / 1024.0:0.0}), metadata requests {r.MetadataRequests}, CPU {r.CpuPercent:0.000} %; RSS each minute (MiB): {string.Join(' ', r.RssPerMinuteKiB.Select(k => (k / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)))}"));
        }));
    }
}

if (what is "cycles" or "all")
{
    foreach (var (name, program) in agents)
    {
        parallel.Add(Task.Run(async () =>
        {
            var r = await CycleBench.RunAsync(program, cycles);
            Line(string.Create(CultureInfo.InvariantCulture,
                $"cycles {name} {r.Cycles} in {r.Elapsed.TotalSeconds:0} s: RSS after 100 {r.RssAt100KiB / 1024.0:0.0} MiB (anon {r.AnonAt100KiB / 1024.0:0.0}), after {r.Cycles} {r.RssAtEndKiB / 1024.0:0.0} MiB (anon {r.AnonAtEndKiB / 1024.0:0.0}), ratio {(double)r.RssAtEndKiB / r.RssAt100KiB:0.00}"));
        }));
    }
}

if (parallel.Count > 0)
{
    Line($"idle/cycles: {Load()} at start");
    await Task.WhenAll(parallel);
    Line($"idle/cycles: {Load()} at the end");
}
if (output is not null)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, report.ToString());
}
