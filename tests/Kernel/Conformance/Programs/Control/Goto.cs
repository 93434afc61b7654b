namespace Conformance.Control
{
    /// <summary>goto forward and backward, labelled breaks out of nested loops, continue, do/while.</summary>
    public static class Goto
    {
        public static int Main()
        {
            int i = 0, sum = 0;
        top:
            sum += i;
            i++;
            if (i < 5) goto top;
            if (sum != 10) return 1;
            int found = -1;
            for (int a = 0; a < 10; a++)
                for (int b = 0; b < 10; b++)
                    if (a * b == 42) { found = a * 10 + b; goto done; }
            done:
            if (found != 67) return 2;
            int odd = 0;
            for (int k = 0; k < 10; k++) { if (k % 2 == 0) continue; odd += k; }
            if (odd != 25) return 3;
            int n = 0;
            do { n++; } while (n < 0);
            if (n != 1) return 4;
            int w = 100;
            while (true) { if (--w == 90) break; }
            if (w != 90) return 5;
            return 100;
        }
    }
}
