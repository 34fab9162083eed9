using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsLens.Tests.Analysis;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace NewsLens.Tests.Deploy;

/// <summary>
/// The files under deploy/ as the engines use them: the Kubernetes Job and the Slurm array are parsed, their command lines
/// run once per shard with the variables the engine sets (the `newslens` on PATH is the CLI built with these tests), and
/// the union of the shards is checked against an unsharded run. The Dockerfile is checked as text: no container engine here.
/// </summary>
public class DeployTests(ITestOutputHelper output)
{
    private static string Deploy => Path.Combine(TestPaths.RepoRoot, "deploy");

    [Fact]
    public void KubernetesIndexedJobRunsOneShardPerIndexAndTheUnionIsTheWholeCorpus()
    {
        var job = LoadYaml(Path.Combine(Deploy, "kubernetes", "newslens-job.yaml"));
        Assert.Equal("batch/v1", Text(job, "apiVersion"));
        Assert.Equal("Job", Text(job, "kind"));
        var spec = Map(job, "spec");
        Assert.Equal("Indexed", Text(spec, "completionMode"));
        var completions = int.Parse(Text(spec, "completions"));
        var pod = Map(Map(spec, "template"), "spec");
        Assert.Equal("Never", Text(pod, "restartPolicy"));
        var container = (YamlMappingNode)Seq(pod, "containers").Children.Single();
        var env = Seq(container, "env").Children.Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"), e => Text(e, "value"));
        Assert.Equal(completions.ToString(), env["JOB_COMPLETIONS"]); // --shard auto needs the count, which Kubernetes does not pass
        Assert.StartsWith("newslens", Text(container, "image"));

        // Corpus and output both on the shared volume.
        var mount = Text((YamlMappingNode)Seq(container, "volumeMounts").Children.Single(), "mountPath");
        var volume = (YamlMappingNode)Seq(pod, "volumes").Children.Single();
        Assert.NotNull(Map(volume, "persistentVolumeClaim"));
        string[] command = [.. Seq(container, "command").Children.Select(c => ((YamlScalarNode)c).Value!), .. Seq(container, "args").Children.Select(c => ((YamlScalarNode)c).Value!)];
        Assert.Equal(["/bin/sh", "-c"], command[..2]);
        var line = command[2];
        Assert.Matches($@"^newslens analyze {Regex.Escape(mount)}/\S+ --out {Regex.Escape(mount)}/\S+ --shard auto\b", line);

        // Run it as the Job would: one process per index, all at once, the shared volume a temporary folder.
        var shared = AnalysisOutput.TempDirectory();
        var corpus = ShardedCorpus.Write(feedRecords: 150);
        var corpusIn = Regex.Match(line, @"analyze (\S+)").Groups[1].Value;
        var outIn = Regex.Match(line, @"--out (\S+)").Groups[1].Value;
        CopyFolder(corpus, shared + corpusIn[mount.Length..]);
        var runs = Enumerable.Range(0, completions).Select(index => Start("/bin/sh", ["-c", line.Replace(mount, shared)], new Dictionary<string, string>
        {
            ["JOB_COMPLETION_INDEX"] = index.ToString(),
            ["JOB_COMPLETIONS"] = env["JOB_COMPLETIONS"],
        })).ToArray();
        Finish(runs);

        var whole = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Threads = 2 }).Run([shared + corpusIn[mount.Length..]], whole);
        var outFolder = shared + outIn[mount.Length..];
        Assert.Equal(completions, Directory.GetFiles(outFolder, $"manifest-*-of-{completions}.json").Length);
        ShardedRunTests.AssertSameOutput(whole, outFolder);
    }

    [Fact]
    public void SlurmArrayRunsOneShardPerTaskAndTheUnionIsTheWholeCorpus()
    {
        var script = Path.Combine(Deploy, "slurm", "newslens-array.sh");
        var text = File.ReadAllText(script);
        Assert.StartsWith("#!/usr/bin/env bash", text);
        Assert.Equal(0, Start("/bin/bash", ["-n", script], []).Wait().Code); // parses as bash
        var array = Regex.Match(text, @"^#SBATCH --array=(\d+)-(\d+)\s*$", RegexOptions.Multiline);
        Assert.True(array.Success, "a job array of one range");
        int first = int.Parse(array.Groups[1].Value), last = int.Parse(array.Groups[2].Value);
        Assert.Matches(@"(?m)^srun \$NEWSLENS analyze ""\$CORPUS"" --out ""\$OUT"" --shard auto\b", text);

        var shared = AnalysisOutput.TempDirectory();
        var corpus = ShardedCorpus.Write(feedRecords: 150);
        var outFolder = Path.Combine(shared, "newslens");
        var runs = Enumerable.Range(first, last - first + 1).Select(id => Start("/bin/bash", [script], new Dictionary<string, string>
        {
            // What Slurm sets in each array task.
            ["SLURM_ARRAY_JOB_ID"] = "4242",
            ["SLURM_ARRAY_TASK_ID"] = id.ToString(),
            ["SLURM_ARRAY_TASK_MIN"] = first.ToString(),
            ["SLURM_ARRAY_TASK_MAX"] = last.ToString(),
            ["SLURM_ARRAY_TASK_STEP"] = "1",
            ["SLURM_ARRAY_TASK_COUNT"] = (last - first + 1).ToString(),
            ["SLURM_CPUS_PER_TASK"] = "1",
            ["CORPUS"] = corpus,
            ["OUT"] = outFolder,
        })).ToArray();
        Finish(runs);

        var whole = AnalysisOutput.TempDirectory();
        new Pipeline(new AnalysisOptions { Threads = 2 }).Run([corpus], whole);
        Assert.Equal(last - first + 1, Directory.GetFiles(outFolder, "manifest-*.json").Length);
        ShardedRunTests.AssertSameOutput(whole, outFolder);
    }

    [Fact]
    public void DockerfileBuildsTheCliAndRunsItAsNewslens()
    {
        // Checked as text: no container engine on the test machines (docker build needs one).
        var lines = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["FROM ${SDK_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}"], froms);
        Assert.Contains("ARG SDK_IMAGE", lines);
        Assert.Contains("ARG RUNTIME_IMAGE", lines);

        var publish = Regex.Match(string.Join("\n", lines), @"^RUN dotnet publish (\S+) -c Release -o (\S+)", RegexOptions.Multiline);
        Assert.True(publish.Success);
        var project = Path.Combine(TestPaths.RepoRoot, publish.Groups[1].Value);
        Assert.True(File.Exists(project), project);
        var csproj = File.ReadAllText(project);
        var assembly = Regex.Match(csproj, "<AssemblyName>(.+)</AssemblyName>").Groups[1].Value;
        Assert.Contains("<ToolCommandName>newslens</ToolCommandName>", csproj);
        var app = publish.Groups[2].Value;
        Assert.Contains($"COPY --from=build {app} .", lines);
        Assert.Contains($"RUN ln -s {app}/{assembly} /usr/local/bin/newslens", lines); // the apphost, as `newslens` on PATH
        Assert.Equal("ENTRYPOINT [\"newslens\"]", lines.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        var ignore = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile.dockerignore"));
        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
    }

    private static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    // A process with `newslens` (the CLI built beside these tests) and `srun` (runs its arguments) first on PATH.
    private static Run Start(string file, string[] args, Dictionary<string, string> environment)
    {
        var bin = Path.Combine(AnalysisOutput.TempDirectory(), "bin");
        Directory.CreateDirectory(bin);
        WriteExecutable(Path.Combine(bin, "newslens"), $"#!/bin/sh\nexec '{Path.Combine(AppContext.BaseDirectory, "NewsLens.Cli")}' \"$@\"\n");
        WriteExecutable(Path.Combine(bin, "srun"), "#!/bin/sh\nexec \"$@\"\n");
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var name in new[] { "JOB_COMPLETION_INDEX", "JOB_COMPLETIONS", "SLURM_ARRAY_TASK_ID" })
            psi.Environment.Remove(name);
        foreach (var (name, value) in environment)
            psi.Environment[name] = value;
        var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        return new Run(process, stdout, stderr);
    }

    private void Finish(IEnumerable<Run> runs)
    {
        foreach (var run in runs)
        {
            var (code, text) = run.Wait();
            output.WriteLine(text);
            Assert.True(code == 0, $"exit {code}: {text}");
        }
    }

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed record Run(Process Process, Task<string> Stdout, Task<string> Stderr)
    {
        public (int Code, string Text) Wait()
        {
            if (!Process.WaitForExit(TimeSpan.FromMinutes(5)))
                Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            return (Process.ExitCode, Stdout.Result + Stderr.Result);
        }
    }
}
