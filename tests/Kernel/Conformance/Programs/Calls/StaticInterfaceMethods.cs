namespace Conformance.Calls
{
    /// <summary>Non-virtual static members on interfaces, and interface constants.</summary>
    public static class StaticInterfaceMethods
    {
        private interface IUnits
        {
            const int PerKilo = 1000;
            static int Kilos(int grams) => grams / PerKilo;
            static string Label => "kg";
        }

        public static int Main()
        {
            if (IUnits.Kilos(4500) != 4) return 1;
            if (IUnits.Label != "kg" || IUnits.PerKilo != 1000) return 2;
            return 100;
        }
    }
}
