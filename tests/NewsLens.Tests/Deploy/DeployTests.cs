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
        var job = KubernetesJob.Load(Path.Combine(Deploy, "kubernetes", "newslens-job.yaml"));

        // Run it as the Job would: one process per index, all at once, the shared volume a temporary folder.
        var shared = AnalysisOutput.TempDirectory();
        var corpus = ShardedCorpus.Write(feedRecords: 150);
        CopyFolder(corpus, job.OnVolume(shared, job.Corpus));
        var runs = job.Run(shared);
        Finish(runs);

        var whole = AnalysisOutput.TempDirectory();
        var unsharded = new Pipeline(new AnalysisOptions { Threads = 2 }).Run([job.OnVolume(shared, job.Corpus)], whole);
        var outFolder = job.OnVolume(shared, job.Output);
        var manifests = Directory.GetFiles(outFolder, $"manifest-*-of-{job.Completions}.json").Select(AnalysisManifest.Load).ToArray();
        Assert.Equal(job.Completions, manifests.Length);
        ShardedRunTests.AssertSameOutput(whole, outFolder);
        AssertSkippedRecordsAreInTheManifests(unsharded, manifests);
        Assert.Contains(manifests, m => m.Splits.Count == 0); // more shards than files: a shard with nothing to read succeeded
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("zero-bytes")]
    public void KubernetesIndexedJobFailsEveryShardWhenTheCorpusGivesNothingToRead(string corpus)
    {
        var job = KubernetesJob.Load(Path.Combine(Deploy, "kubernetes", "newslens-job.yaml"));
        var shared = AnalysisOutput.TempDirectory();
        MakeUnreadableCorpus(job.OnVolume(shared, job.Corpus), corpus);
        AssertAllFail(job.Run(shared), corpus);
    }

    [Fact]
    public void SlurmArrayRunsOneShardPerTaskAndTheUnionIsTheWholeCorpus()
    {
        var script = Path.Combine(Deploy, "slurm", "newslens-array.sh");
        var array = SlurmArray.Load(script);
        Assert.Equal(0, Start("/bin/bash", ["-n", script], []).Wait().Code); // parses as bash

        var shared = AnalysisOutput.TempDirectory();
        var corpus = ShardedCorpus.Write(feedRecords: 150);
        var outFolder = Path.Combine(shared, "newslens");
        Finish(array.Run(corpus, outFolder));

        var whole = AnalysisOutput.TempDirectory();
        var unsharded = new Pipeline(new AnalysisOptions { Threads = 2 }).Run([corpus], whole);
        var manifests = Directory.GetFiles(outFolder, "manifest-*.json").Select(AnalysisManifest.Load).ToArray();
        Assert.Equal(array.Last - array.First + 1, manifests.Length);
        ShardedRunTests.AssertSameOutput(whole, outFolder);
        AssertSkippedRecordsAreInTheManifests(unsharded, manifests);
        Assert.Contains(manifests, m => m.Splits.Count == 0);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("zero-bytes")]
    public void SlurmArrayFailsEveryTaskWhenTheCorpusGivesNothingToRead(string corpus)
    {
        var array = SlurmArray.Load(Path.Combine(Deploy, "slurm", "newslens-array.sh"));
        var shared = AnalysisOutput.TempDirectory();
        var folder = Path.Combine(shared, "corpus");
        MakeUnreadableCorpus(folder, corpus);
        AssertAllFail(array.Run(folder, Path.Combine(shared, "newslens")), corpus);
    }

    // The shards skip the records an unsharded run skips, say so in their manifests, and still succeed (Finish checked exit 0).
    private static void AssertSkippedRecordsAreInTheManifests(AnalysisManifest unsharded, AnalysisManifest[] manifests)
    {
        Assert.True(unsharded.SkippedCount > 0, "the corpus has bad records");
        Assert.Equal(unsharded.SkippedCount, manifests.Sum(m => m.SkippedCount));
        Assert.All(manifests, m => Assert.Empty(m.UnmatchedInputs));
    }

    private static void MakeUnreadableCorpus(string folder, string kind)
    {
        if (kind == "missing")
            return;
        Directory.CreateDirectory(folder);
        if (kind == "zero-bytes")
        {
            File.WriteAllText(Path.Combine(folder, "a.jsonl"), "");
            File.WriteAllText(Path.Combine(folder, "b.txt"), "");
        }
    }

    private void AssertAllFail(Run[] runs, string corpus)
    {
        foreach (var run in runs)
        {
            var (code, text) = run.Wait();
            output.WriteLine($"{corpus}: exit {code}: {text}");
            Assert.Equal(2, code);
            Assert.Contains("error: no input", text);
        }
    }

    /// <summary>The Indexed Job of deploy/kubernetes, parsed and checked, and its container's command line.</summary>
    private sealed record KubernetesJob(string[] Command, string Mount, int Completions, Dictionary<string, string> Env)
    {
        public string Corpus => Command[Array.IndexOf(Command, "analyze") + 1];

        public string Output => Command[Array.IndexOf(Command, "--out") + 1];

        public static KubernetesJob Load(string path)
        {
            var job = LoadYaml(path);
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
            Assert.Matches($@"^newslens analyze {Regex.Escape(mount)}/\S+ --out {Regex.Escape(mount)}/\S+ --shard auto\b.* --allow-skipped\b", string.Join(' ', command));
            return new KubernetesJob(command, mount, completions, env);
        }

        /// <summary>A path of the pod's volume in the folder standing for it.</summary>
        public string OnVolume(string shared, string path) => shared + path[Mount.Length..];

        /// <summary>The container's exact command, once per index, all at once, with the variables Kubernetes sets.</summary>
        public Run[] Run(string shared) => Enumerable.Range(0, Completions).Select(index =>
            Start("/bin/sh", ["-c", "exec \"$@\"", "pod", .. Command.Select(a => a.StartsWith(Mount + "/", StringComparison.Ordinal) ? OnVolume(shared, a) : a)],
                new Dictionary<string, string>
                {
                    ["JOB_COMPLETION_INDEX"] = index.ToString(),
                    ["JOB_COMPLETIONS"] = Env["JOB_COMPLETIONS"],
                })).ToArray();
    }

    /// <summary>The Slurm array script of deploy/slurm, checked, and run as Slurm runs its tasks.</summary>
    private sealed record SlurmArray(string Script, int First, int Last)
    {
        public static SlurmArray Load(string script)
        {
            var text = File.ReadAllText(script);
            Assert.StartsWith("#!/usr/bin/env bash", text);
            Assert.Contains("set -euo pipefail", text); // a failed shard fails the task
            var array = Regex.Match(text, @"^#SBATCH --array=(\d+)-(\d+)\s*$", RegexOptions.Multiline);
            Assert.True(array.Success, "a job array of one range");
            Assert.Matches(@"(?m)^srun \$NEWSLENS analyze ""\$CORPUS"" --out ""\$OUT"" --shard auto\b.* --allow-skipped\s*$", text);
            return new SlurmArray(script, int.Parse(array.Groups[1].Value), int.Parse(array.Groups[2].Value));
        }

        public Run[] Run(string corpus, string outFolder) => Enumerable.Range(First, Last - First + 1).Select(id => Start("/bin/bash", [Script], new Dictionary<string, string>
        {
            // What Slurm sets in each array task.
            ["SLURM_ARRAY_JOB_ID"] = "4242",
            ["SLURM_ARRAY_TASK_ID"] = id.ToString(),
            ["SLURM_ARRAY_TASK_MIN"] = First.ToString(),
            ["SLURM_ARRAY_TASK_MAX"] = Last.ToString(),
            ["SLURM_ARRAY_TASK_STEP"] = "1",
            ["SLURM_ARRAY_TASK_COUNT"] = (Last - First + 1).ToString(),
            ["SLURM_CPUS_PER_TASK"] = "1",
            ["CORPUS"] = corpus,
            ["OUT"] = outFolder,
        })).ToArray();
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

    internal sealed record Run(Process Process, Task<string> Stdout, Task<string> Stderr)
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
