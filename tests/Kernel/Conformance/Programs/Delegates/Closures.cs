using System;

namespace Conformance.Delegates
{
    /// <summary>Lambdas capturing locals by reference: shared captures, per-iteration loop variables, mutation after creation.</summary>
    public static class Closures
    {
        public static int Main()
        {
            int counter = 0;
            Action inc = () => counter++;
            Func<int> read = () => counter;
            inc(); inc();
            if (read() != 2) return 1;
            counter = 10;
            if (read() != 10) return 2;
            var fs = new Func<int>[3];
            for (int i = 0; i < 3; i++) fs[i] = () => i * 10;           // one i for the whole loop
            if (fs[0]() != 30) return 3;
            foreach (int j in new[] { 1, 2, 3 }) fs[j - 1] = () => j;  // a fresh j per iteration
            if (fs[0]() + fs[1]() + fs[2]() != 6) return 4;
            return 100;
        }
    }
}
