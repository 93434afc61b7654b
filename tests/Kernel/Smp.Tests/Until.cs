using System;
using Nacre.Timing;

namespace Smp.Tests
{
    /// <summary>Waiting for something another CPU or an interrupt does, with a generous timeout (TCG is slow).</summary>
    internal static class Until
    {
        public const ulong DefaultTimeoutNs = 5000000000UL;

        /// <summary>True as soon as condition holds; false if it still does not after timeoutNs.</summary>
        public static bool True(Func<bool> condition, ulong timeoutNs = DefaultTimeoutNs)
        {
            ulong end = Time.NowNs + timeoutNs;
            while (!condition())
                if (Time.NowNs > end) return false;
            return true;
        }
    }
}
