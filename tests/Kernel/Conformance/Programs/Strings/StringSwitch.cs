namespace Conformance.Strings
{
    /// <summary>switch on strings: few cases (compare chain), many cases (length/char dispatch), null and default.</summary>
    public static class StringSwitch
    {
        private static int Small(string s) => s switch { "a" => 1, "b" => 2, null => -1, _ => 0 };

        private static int Large(string s)
        {
            switch (s)
            {
                case "alpha": return 1; case "beta": return 2; case "gamma": return 3; case "delta": return 4;
                case "epsilon": return 5; case "zeta": return 6; case "eta": return 7; case "theta": return 8;
                case "iota": return 9; case "kappa": return 10; case "lambda": return 11; case "mu": return 12;
                default: return 0;
            }
        }

        public static int Main()
        {
            if (Small("a") != 1 || Small("b") != 2 || Small(null) != -1 || Small("c") != 0) return 1;
            string[] names = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu" };
            for (int i = 0; i < names.Length; i++) if (Large(names[i]) != i + 1) return 2;
            if (Large("ALPHA") != 0 || Large("") != 0 || Large(null) != 0) return 3;
            if (Large(new string(new[] { 'm', 'u' })) != 12) return 4;
            return 100;
        }
    }
}
