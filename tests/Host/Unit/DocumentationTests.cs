using System.Text.RegularExpressions;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Unit;

/// <summary>
/// The README and docs/ must stand alone and stay true: every link resolves (file and heading),
/// every repository path they name exists, nothing points outside the repository, and no text in
/// the repository leans on issue numbers, which mean nothing to a reader of the code.
/// </summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public void LinksInReadmeAndDocsResolve()
    {
        var problems = new List<string>();
        foreach (string page in Pages())
        {
            string text = File.ReadAllText(page);
            foreach (Match link in MarkdownLink().Matches(StripCodeBlocks(text)))
            {
                string target = link.Groups["target"].Value.Trim();
                if (target.Contains("://") || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                string problem = CheckLink(page, target);
                if (problem.Length > 0) problems.Add($"{Relative(page)}: link '{target}': {problem}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void RepositoryPathsNamedInReadmeAndDocsExist()
    {
        string[] files = TrackedFiles().Select(Relative).ToArray();
        var problems = new List<string>();
        foreach (string page in Pages())
        {
            foreach (Match code in InlineCode().Matches(StripCodeBlocks(File.ReadAllText(page))))
            {
                string token = code.Groups["code"].Value.Trim().TrimEnd('/', '.', ',');
                foreach (string path in ExpandBraces(token))
                {
                    string problem = CheckPath(path, files);
                    if (problem.Length > 0) problems.Add($"{Relative(page)}: `{token}`: {problem}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void NothingReferencesIssueNumbersOrPathsOutsideTheRepository()
    {
        var problems = new List<string>();
        foreach (string file in TrackedFiles().Where(IsText))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (IssueNumber().IsMatch(lines[i]) || lines[i].Contains("../shared/", StringComparison.Ordinal))
                    problems.Add($"{Relative(file)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("The `nacre` command", "the-nacre-command")]
    [InlineData("`nacre test [project...] [--no-host] [-v]`", "nacre-test-project---no-host--v")]
    [InlineData("Speed: `nacre bench dotnet`", "speed-nacre-bench-dotnet")]
    [InlineData("Thread statics (`[ThreadStatic]`)", "thread-statics-threadstatic")]
    [InlineData("The development host's KVM", "the-development-hosts-kvm")]
    public void HeadingsBecomeGitHubAnchors(string heading, string anchor) =>
        Assert.Equal(anchor, Anchor(heading));

    [Fact]
    public void TheCheckerCatchesWhatItIsFor()
    {
        string[] files = ["src/Kernel/Memory/Heap.cs", "docs/hvm.md"];
        Assert.Equal("", CheckPath("src/Kernel/Memory/Heap.cs", files));
        Assert.Equal("", CheckPath("Memory/Heap.cs", files));
        Assert.NotEqual("", CheckPath("src/Kernel/Memory/Gone.cs", files));
        Assert.NotEqual("", CheckPath("Memory/Gone.cs", files));
        Assert.NotEqual("", CheckPath("../shared/DESIGN.md", files));
        Assert.NotEqual("", CheckLink(Repository.PathOf("docs/cli.md"), "no-such-page.md"));
        Assert.NotEqual("", CheckLink(Repository.PathOf("docs/cli.md"), "hvm.md#no-such-heading"));
        Assert.Equal("", CheckLink(Repository.PathOf("docs/cli.md"), "hvm.md#host-api"));
        Assert.Matches(IssueNumber(), "the goals of issue 10");
        Assert.DoesNotMatch(IssueNumber(), "issues a kick to the CPU");
    }

    private static string CheckLink(string page, string target)
    {
        int hash = target.IndexOf('#');
        string path = hash < 0 ? target : target[..hash];
        string anchor = hash < 0 ? "" : target[(hash + 1)..];
        string resolved = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
        if (!IsInsideRepository(resolved)) return "points outside the repository";
        if (!File.Exists(resolved) && !Directory.Exists(resolved)) return "no such file";
        if (anchor.Length > 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(anchor))
            return $"no heading with anchor #{anchor} in {Relative(resolved)}";
        return "";
    }

    /// <summary>
    /// A token is taken for a repository path when it starts with a top-level folder (then it must
    /// exist from the root) or ends in a source file's extension (then some file must end with it,
    /// since pages name files relative to the part they describe, e.g. `arch/x64/hvm.S`).
    /// </summary>
    private static string CheckPath(string token, string[] files)
    {
        if (token.StartsWith("../", StringComparison.Ordinal)) return "points outside the repository";
        if (!RepositoryPathShape().IsMatch(token) || token.Contains("bin/") || token.Contains("obj/")) return "";
        if (token.StartsWith('.') && !token.StartsWith(".ci/", StringComparison.Ordinal)) return "";   // run output, e.g. .nacre/
        string path = token.Contains('*') ? token[..token.IndexOf('*')].TrimEnd('/') : token;
        if (path.Length == 0) return "";
        bool rooted = TopLevelFolders.Any(top => path == top || path.StartsWith(top + "/", StringComparison.Ordinal));
        if (rooted)
        {
            bool exists = files.Any(f => f == path || f.StartsWith(path + "/", StringComparison.Ordinal)
                                         || (token.Contains('*') && f.StartsWith(path, StringComparison.Ordinal)));
            return exists ? "" : "no such file or folder in the repository";
        }
        if (!SourceExtension().IsMatch(path) || !path.Contains('/')) return "";
        return files.Any(f => f.EndsWith("/" + path, StringComparison.Ordinal)) ? "" : "no file in the repository ends with this path";
    }

    private static readonly string[] TopLevelFolders = ["src", "tests", "docs", "build", "bench", "apps", "samples", "scripts", ".ci"];

    private static IEnumerable<string> ExpandBraces(string token)
    {
        Match m = Braces().Match(token);
        if (!m.Success) return [token];
        return m.Groups["alts"].Value.Split(',').SelectMany(alt => ExpandBraces(token[..m.Index] + alt + token[(m.Index + m.Length)..]));
    }

    private static HashSet<string> Anchors(string markdown)
    {
        var seen = new Dictionary<string, int>();
        var anchors = new HashSet<string>();
        foreach (string line in StripCodeBlocks(File.ReadAllText(markdown)).Split('\n'))
        {
            Match h = Heading().Match(line);
            if (!h.Success) continue;
            string a = Anchor(h.Groups["text"].Value);
            int n = seen.GetValueOrDefault(a);
            seen[a] = n + 1;
            anchors.Add(n == 0 ? a : $"{a}-{n}");
        }
        return anchors;
    }

    /// <summary>GitHub's rule: lower case, drop punctuation but '-' and '_', spaces become '-'.</summary>
    private static string Anchor(string heading)
    {
        var chars = heading.Trim().ToLowerInvariant()
            .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
            .Select(c => c == ' ' ? '-' : c);
        return new string(chars.ToArray());
    }

    private static string StripCodeBlocks(string markdown) => FencedBlock().Replace(markdown, "\n");

    private static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories).Prepend(Repository.PathOf("README.md"));

    /// <summary>The repository's own files: everything but build output and VCS data.</summary>
    private static IEnumerable<string> TrackedFiles()
    {
        var pending = new Stack<string>([Repository.Root]);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            foreach (string sub in Directory.EnumerateDirectories(dir))
            {
                string name = Path.GetFileName(sub);
                if (name is ".git" or "bin" or "obj" or "artifacts" or "node_modules" or "TestResults") continue;
                pending.Push(sub);
            }
            foreach (string file in Directory.EnumerateFiles(dir)) yield return file;
        }
    }

    private static bool IsText(string file) =>
        Path.GetExtension(file) is ".cs" or ".md" or ".S" or ".h" or ".c" or ".csproj" or ".targets" or ".props"
            or ".sh" or ".ld" or ".json" or ".txt" or ".py" or "" && !File.GetAttributes(file).HasFlag(FileAttributes.Directory)
            && Path.GetFileName(file) is not "DocumentationTests.cs";

    private static bool IsInsideRepository(string fullPath) =>
        fullPath == Repository.Root.TrimEnd('/') || fullPath.StartsWith(Repository.Root.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path);

    [GeneratedRegex(@"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<!`)`(?<code>[^`\n]+)`(?!`)")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-/{}*,]+$")]
    private static partial Regex RepositoryPathShape();

    [GeneratedRegex(@"\.(cs|S|h|md|csproj|targets|props|ld|sh|c|py|json|png|html)$")]
    private static partial Regex SourceExtension();

    [GeneratedRegex(@"\{(?<alts>[^{}]*,[^{}]*)\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(```|~~~).*?^\1[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"\bissues?\s+#?\d+\b|\(#\d+\)", RegexOptions.IgnoreCase)]
    private static partial Regex IssueNumber();
}
