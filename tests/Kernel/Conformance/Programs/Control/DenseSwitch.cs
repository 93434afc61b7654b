namespace Conformance.Control
{
    /// <summary>switch compiled to a jump table: dense cases, fall-out to default, goto case and goto default.</summary>
    public static class DenseSwitch
    {
        private static int Map(int x)
        {
            switch (x)
            {
                case 0: return 10;
                case 1: return 11;
                case 2: goto case 0;
                case 3: return 13;
                case 4:
                case 5: return 15;
                case 6: goto default;
                case 7: return 17;
                default: return -1;
            }
        }

        public static int Main()
        {
            int[] expected = { 10, 11, 10, 13, 15, 15, -1, 17, -1 };
            for (int i = 0; i < expected.Length; i++) if (Map(i) != expected[i]) return 1 + i;
            if (Map(-5) != -1 || Map(int.MaxValue) != -1) return 20;
            return 100;
        }
    }
}
