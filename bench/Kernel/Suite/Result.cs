using System.Collections.Generic;

namespace Nacre.Bench
{
    /// <summary>How many samples a benchmark keeps and how many it runs first and throws away.</summary>
    public sealed class Config
    {
        public int Samples = 1000;
        public int Warmup = 100;

        public int Total => Samples + Warmup;
    }

    /// <summary>
    /// A property every sample of a benchmark must have for the benchmark to measure what it says
    /// (e.g. "the stop stamp was taken on the target CPU"): counted over the kept samples.
    /// </summary>
    public sealed class Check
    {
        public string Name;
        public int Passed;
        public int Total;

        public bool Ok => Passed == Total;
    }

    /// <summary>
    /// One benchmark's outcome: its raw samples in TSC cycles (signed: timer lateness may be
    /// negative) after warm-up, and its checks. Statistics are computed by the host (nacre bench),
    /// with the same code as the Linux baselines'.
    /// </summary>
    public sealed class Result
    {
        public readonly string Name;
        public readonly long[] Samples;
        public int Count;
        public readonly List<Check> Checks = new List<Check>();
        public string Note = "";

        private readonly int _warmup;
        private int _seen;

        public Result(string name, Config config)
        {
            Name = name;
            Samples = new long[config.Samples];
            _warmup = config.Warmup;
        }

        /// <summary>True while warm-up samples are being taken (they are neither kept nor checked).</summary>
        public bool WarmingUp => _seen < _warmup;

        /// <summary>True once every sample to keep has been taken.</summary>
        public bool Full => Count == Samples.Length;

        /// <summary>Records one sample (dropped during warm-up); returns true if it was kept.</summary>
        public bool Add(long cycles)
        {
            if (_seen++ < _warmup || Count == Samples.Length) return false;
            Samples[Count++] = cycles;
            return true;
        }

        /// <summary>Counts one kept sample for the named check.</summary>
        public void Expect(string name, bool passed)
        {
            Check c = null;
            for (int i = 0; i < Checks.Count; i++) if (Checks[i].Name == name) { c = Checks[i]; break; }
            if (c == null) { c = new Check { Name = name }; Checks.Add(c); }
            c.Total++;
            if (passed) c.Passed++;
        }

        public bool AllChecksPassed
        {
            get
            {
                for (int i = 0; i < Checks.Count; i++) if (!Checks[i].Ok) return false;
                return true;
            }
        }
    }
}
