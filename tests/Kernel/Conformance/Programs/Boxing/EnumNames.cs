namespace Conformance.Boxing
{
    /// <summary>Enum ToString prints the member name, flags combinations as "A, B", and unnamed values as numbers.</summary>
    public static class EnumNames
    {
        public enum Planet { Mercury, Venus, Earth }
        [System.Flags] public enum Perm { None = 0, Read = 1, Write = 2 }

        public static int Main()
        {
            if (Planet.Earth.ToString() != "Earth") return 1;
            if ($"{Planet.Venus}" != "Venus") return 2;
            if (((Planet)7).ToString() != "7") return 3;
            if ((Perm.Read | Perm.Write).ToString() != "Read, Write") return 4;
            if (Perm.None.ToString() != "None") return 5;
            return 100;
        }
    }
}
