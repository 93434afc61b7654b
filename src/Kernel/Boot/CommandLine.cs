using System.Collections.Generic;

namespace Nacre.Boot
{
    /// <summary>Splits the loader's command line into Main's args (spaces separate, double quotes group).</summary>
    public static class CommandLine
    {
        /// <summary>Enter the shell on the serial console when Main returns, instead of ending the run.</summary>
        public const string ShellOption = "shell";

        /// <summary>Main's args: the command line's words, less the image path some loaders put first (like argv[0]).</summary>
        public static string[] Arguments(string line, bool startsWithImagePath)
        {
            string[] words = Split(line);
            var args = new List<string>();
            for (int i = startsWithImagePath ? 1 : 0; i < words.Length; i++)
                if (!IsKernelOption(words[i])) args.Add(words[i]);
            return args.ToArray();
        }

        /// <summary>Words the kernel itself acts on (see docs/boot.md); Main does not see them.</summary>
        public static bool IsKernelOption(string word) => word == "deprivileged" || word == ShellOption || word == Tracing.Trace.Option;

        public static string[] Split(string line)
        {
            var args = new List<string>();
            var current = new System.Text.StringBuilder();
            bool quoted = false, any = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '"') { quoted = !quoted; any = true; }
                else if (c == ' ' && !quoted)
                {
                    if (any) { args.Add(current.ToString()); current.Clear(); any = false; }
                }
                else { current.Append(c); any = true; }
            }
            if (any) args.Add(current.ToString());
            return args.ToArray();
        }
    }
}
