using System;
using System.Collections.Generic;

namespace Conformance.Strings
{
    /// <summary>ToString of integers with formats, hex, padding and interpolation of mixed values.</summary>
    public static class Formatting
    {
        public static int Main()
        {
            if (255.ToString("X") != "FF" || 255.ToString("x4") != "00ff") return 1;
            if (7.ToString("D3") != "007" || (-7).ToString() != "-7") return 2;
            if (1234567L.ToString() != "1234567" || ulong.MaxValue.ToString() != "18446744073709551615") return 3;
            int a = 3; string b = "x"; bool c = true; char d = (char)65;
            if ($"{a}{b}{c}{d}" != "3xTrueA") return 4;
            return 100;
        }
    }
}
