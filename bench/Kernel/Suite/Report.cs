using System;
using System.Text;

namespace Nacre.Bench
{
    /// <summary>
    /// The machine-readable output, one line each (docs/benchmarks.md):
    ///   BENCH-INFO {"mode":..., "tsc_hz":..., ...}
    ///   BENCH {"name":..., "count":..., "checks":[...], "samples":[...]}
    ///   BENCH-SKIP {"name":..., "reason":...}
    ///   BENCH-END {"results":N, "failed_checks":M}
    /// Samples are raw TSC cycles; the host computes every statistic.
    /// </summary>
    public static class Report
    {
        public const int ChunkSamples = 64;

        public static void Info(Config config, string only)
        {
            var b = new StringBuilder("BENCH-INFO {");
            Field(b, "mode", Nacre.Boot.Machine.Mode); b.Append(',');
            Field(b, "hypervisor", Nacre.Boot.Machine.Hypervisor); b.Append(',');
            b.Append("\"hvm\":").Append(Nacre.Boot.Machine.IsHvm ? "true" : "false").Append(',');
            b.Append("\"deprivileged\":").Append(Nacre.Boot.Machine.Deprivileged ? "true" : "false").Append(',');
            b.Append("\"cpus\":").Append(Nacre.Cpus.Cpus.Count).Append(',');
            b.Append("\"tsc_hz\":").Append(Nacre.Timing.Time.FrequencyHz).Append(',');
            Field(b, "tsc_source", Nacre.Timing.Time.FrequencySource); b.Append(',');
            b.Append("\"samples\":").Append(config.Samples).Append(',');
            b.Append("\"warmup\":").Append(config.Warmup).Append(',');
            Field(b, "only", only);
            b.Append('}');
            Console.WriteLine(b.ToString());
        }

        /// <summary>One result; the samples go out in chunks so no huge string is built.</summary>
        public static void Write(Result r)
        {
            var b = new StringBuilder("BENCH {");
            Field(b, "name", r.Name); b.Append(',');
            b.Append("\"count\":").Append(r.Count).Append(',');
            Field(b, "note", r.Note); b.Append(',');
            b.Append("\"checks\":[");
            for (int i = 0; i < r.Checks.Count; i++)
            {
                Check c = r.Checks[i];
                if (i > 0) b.Append(',');
                b.Append('{'); Field(b, "name", c.Name);
                b.Append(",\"passed\":").Append(c.Passed).Append(",\"total\":").Append(c.Total).Append('}');
            }
            b.Append("],\"samples\":[");
            Console.Write(b.ToString());
            for (int start = 0; start < r.Count; start += ChunkSamples)
            {
                var chunk = new StringBuilder();
                int end = Math.Min(start + ChunkSamples, r.Count);
                for (int i = start; i < end; i++)
                {
                    if (i > 0) chunk.Append(',');
                    chunk.Append(r.Samples[i]);
                }
                Console.Write(chunk.ToString());
            }
            Console.WriteLine("]}");
        }

        public static void Skip(string name, string reason)
        {
            var b = new StringBuilder("BENCH-SKIP {");
            Field(b, "name", name); b.Append(',');
            Field(b, "reason", reason);
            Console.WriteLine(b.Append('}').ToString());
        }

        public static void End(int results, int failedChecks) =>
            Console.WriteLine("BENCH-END {\"results\":" + results.ToString() + ",\"failed_checks\":" + failedChecks.ToString() + "}");

        private static void Field(StringBuilder b, string name, string value)
        {
            b.Append('"').Append(name).Append("\":\"");
            string text = value ?? "";
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\') b.Append('\\');
                if (c >= ' ') b.Append(c);
            }
            b.Append('"');
        }
    }
}
