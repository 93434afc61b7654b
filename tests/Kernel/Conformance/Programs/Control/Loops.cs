namespace Conformance.Control
{
    /// <summary>for/while/do/foreach with every kind of exit, nested, and with long counters.</summary>
    public static class Loops
    {
        public static int Main()
        {
            long acc = 0;
            for (long i = 0; i < 100_000; i += 3) acc += i;
            if (acc != 1666683333L) return 1;
            int primes = 0;
            for (int n = 2; n < 200; n++)
            {
                bool prime = true;
                for (int d = 2; d * d <= n; d++) if (n % d == 0) { prime = false; break; }
                if (prime) primes++;
            }
            if (primes != 46) return 2;
            int x = 27, steps = 0;
            while (x != 1) { x = x % 2 == 0 ? x / 2 : 3 * x + 1; steps++; }
            if (steps != 111) return 3;
            int count = 0;
            for (int i = 10; i > 0; i--) for (int j = 0; j < i; j++) count++;
            if (count != 55) return 4;
            uint u = 5, iters = 0;
            while (u-- > 0) iters++;
            if (iters != 5 || u != uint.MaxValue) return 5;
            return 100;
        }
    }
}
