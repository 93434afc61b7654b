using System.Collections.Generic;

namespace Numbers.Tests
{
    /// <summary>
    /// What a run of the shared cases produced: a name and a result per case. The same source is
    /// compiled into tests/MathReference and run on .NET to produce ExpectedResults.cs.
    /// </summary>
    public sealed class CaseLog
    {
        public readonly List<string> Names = new List<string>();
        public readonly List<string> Results = new List<string>();

        public void Add(string name, string result)
        {
            Names.Add(name);
            Results.Add(result);
        }

        /// <summary>A deterministic generator (xorshift), so both worlds draw the same values.</summary>
        public ulong State = 0x9E3779B97F4A7C15UL;

        public ulong Next()
        {
            State ^= State << 13;
            State ^= State >> 7;
            State ^= State << 17;
            return State;
        }
    }
}
