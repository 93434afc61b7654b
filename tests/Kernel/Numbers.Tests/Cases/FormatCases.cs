using System;
using System.Text;
using System.Globalization;

namespace Numbers.Tests
{
    /// <summary>A user type with its own format strings, for composite formatting and $"…".</summary>
    public struct Temperature : IFormattable
    {
        public double Celsius;
        public Temperature(double c) { Celsius = c; }
        public override string ToString() => ToString("C", null);
        public string ToString(string format, IFormatProvider provider) =>
            format == "F" ? string.Concat((Celsius * 9 / 5 + 32).ToString("F1"), " °F") : string.Concat(Celsius.ToString("F1"), " °C");
    }

    /// <summary>Number formatting and composite formatting cases, run identically in the kernel and on .NET.</summary>
    public static class FormatCases
    {
        public static readonly double[] Doubles =
        {
            0.0, -0.0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 123456789012345678,
            4.9406564584124654E-324, double.MaxValue, double.MinValue, 2.2250738585072014E-308, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375,
            1234.5678, -1234.5678, 0.0001, 0.00001, 123.456, 1e-7, 9.995, 0.045, 1.005, Math.PI, Math.E, 1e300, 12345.6789, 4.35,
            100, 1e9, 999999.9999, 0.999, 9.5, 10.5, 1e-300, 5e-5, 1.0 / 7, 72057594037927945, 9007199254740993,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        };

        public static readonly string[] DoubleFormats =
        {
            null, "", "R", "G", "G0", "G3", "G10", "G15", "G17", "g5", "E", "E0", "E3", "e10", "F", "F0", "F1", "F3", "F20", "N", "N0", "N3",
            "P", "P0", "P1", "C", "C0", "0.00", "#,##0.0", "0.###E+0", "0.0;(0.0);zero", "00000.000", "#", "0", "#.##", "0.0%",
            "#,#", "0,,", "0.00e-00", "'['0.0']'", "\\#0.0", "0.0\u2030", "#,##0.00;-#,##0.00", "0E0", "00.##E+000",
        };

        public static readonly float[] Floats =
        {
            1f / 3, 0.1f, 0.1f + 0.2f, float.MaxValue, float.Epsilon, 16777216f, 33554432f, 1e9f, 123456790f, 1e-10f, -0f,
            3.14159f, 2.5f, 1e10f, 7e-45f, float.NaN, float.NegativeInfinity,
        };

        public static readonly string[] FloatFormats = { null, "R", "G", "G9", "F10", "E10", "N2", "0.000", "P1" };

        public static readonly long[] Longs =
        {
            0, 1, -1, 42, -42, 255, int.MaxValue, int.MinValue, 1234567, 12345, 5, 15, 25, 999, -1000000, long.MaxValue, long.MinValue,
        };

        public static readonly string[] IntegerFormats =
        {
            null, "D", "D5", "X", "X8", "x4", "N", "N0", "F1", "E2", "e0", "G", "G3", "P", "C", "R", "#,#", "0;neg", "000", "0.00",
            "#,##0", "B", "B16", "0,0", "#%", "0.0E+0",
        };

        public static void Run(CaseLog log)
        {
            foreach (double d in Doubles)
                foreach (string f in DoubleFormats)
                    log.Add(string.Concat("double ", d.ToString("R"), " \"", f ?? "null", "\""), f == null ? d.ToString() : d.ToString(f));
            for (int i = 0; i < 60; i++)
            {
                double d = BitConverter.Int64BitsToDouble((long)(log.Next() & 0x7FEF_FFFF_FFFF_FFFFUL));
                foreach (string f in new[] { "", "R", "E16", "G5", "F30" })
                    log.Add(string.Concat("random double ", BitConverter.DoubleToInt64Bits(d).ToString("X16"), " \"", f, "\""), d.ToString(f));
            }
            for (int i = 0; i < 60; i++)
            {
                // Decimal-looking values: exercise ties of F/E/N rounding.
                double d = (long)(log.Next() % 2000001) / 1000.0 - 1000;
                foreach (string f in new[] { "", "F2", "F1", "E3", "N1", "0.00", "0.#" })
                    log.Add(string.Concat("decimal double ", BitConverter.DoubleToInt64Bits(d).ToString("X16"), " \"", f, "\""), d.ToString(f));
            }
            foreach (float x in Floats)
                foreach (string f in FloatFormats)
                    log.Add(string.Concat("float ", x.ToString("R"), " \"", f ?? "null", "\""), f == null ? x.ToString() : x.ToString(f));
            for (int i = 0; i < 60; i++)
            {
                float x = BitConverter.Int32BitsToSingle((int)(log.Next() & 0x7F7F_FFFF));
                log.Add(string.Concat("random float ", BitConverter.SingleToInt32Bits(x).ToString("X8")), x.ToString());
            }
            foreach (long v in Longs)
                foreach (string f in IntegerFormats)
                {
                    string name = string.Concat("\"", f ?? "null", "\"");
                    log.Add(string.Concat("long ", v.ToString(), " ", name), f == null ? v.ToString() : v.ToString(f));
                    if (v >= int.MinValue && v <= int.MaxValue) log.Add(string.Concat("int ", v.ToString(), " ", name), f == null ? ((int)v).ToString() : ((int)v).ToString(f));
                    if (v >= short.MinValue && v <= short.MaxValue) log.Add(string.Concat("short ", v.ToString(), " ", name), ((short)v).ToString(f));
                    if (v >= sbyte.MinValue && v <= sbyte.MaxValue) log.Add(string.Concat("sbyte ", v.ToString(), " ", name), ((sbyte)v).ToString(f));
                    if (v >= 0) log.Add(string.Concat("ulong ", v.ToString(), " ", name), ((ulong)v).ToString(f));
                    if (v >= 0 && v <= uint.MaxValue) log.Add(string.Concat("uint ", v.ToString(), " ", name), ((uint)v).ToString(f));
                    if (v >= 0 && v <= ushort.MaxValue) log.Add(string.Concat("ushort ", v.ToString(), " ", name), ((ushort)v).ToString(f));
                    if (v >= 0 && v <= byte.MaxValue) log.Add(string.Concat("byte ", v.ToString(), " ", name), ((byte)v).ToString(f));
                }
            log.Add("ulong max", ulong.MaxValue.ToString("N0"));
            log.Add("ulong max X", ulong.MaxValue.ToString("X"));
            Composite(log);
        }

        private static void Composite(CaseLog log)
        {
            double pi = Math.PI;
            int n = 255;
            var t = new Temperature(21.5);
            object nothing = null;
            log.Add("Format 1", string.Format("{0}", 1.5));
            log.Add("Format align left", string.Format("[{0,-8}]", "ab"));
            log.Add("Format align right", string.Format("[{0,8}]", "ab"));
            log.Add("Format 2", string.Format("{1:F3} and {0}", 1, pi));
            log.Add("Format escapes", string.Format("{{{0}}} }} {{", 5));
            log.Add("Format 3", string.Format("{0,10:F2}|{1:X8}|{2,-6:N0}|", -3.14159, n, 1234567));
            log.Add("Format params", string.Format("{0}-{1}-{2}-{3}-{4}", 1, "two", 3.0, 'c', true));
            log.Add("Format null", string.Format("<{0}>", nothing));
            log.Add("Format user", string.Format("{0} = {0:F}", t));
            log.Add("Format spaces", string.Format("{0 , 5}|{1 ,-3}|", 7, 8));
            log.Add("Format provider", string.Format(CultureInfo.InvariantCulture, "{0:N2}", 9876.543));
            log.Add("Format custom", string.Format("{0:#,##0.00;(#,##0.00)}", -1234.5));
            log.Add("Format repeated", string.Format("{0}{0}{1}{0}", "a", "b"));
            var sb = new StringBuilder();
            sb.AppendFormat("{0:E2}", 12345.678).AppendFormat("|{0,5}|{1,-5}|", 1, 2).AppendFormat("{0}{1}{2}", 'x', 'y', 'z');
            sb.AppendFormat("[{0:P1}]", 0.256).AppendFormat("{0}/{1}/{2}/{3}", 1, 2, 3, 4);
            log.Add("AppendFormat", sb.ToString());
            float f = 0.1f;
            long big = long.MinValue;
            log.Add("interpolated", $"{pi,10:F2}|{n:X}|{n,-5}|{t:F}|{t}|{f}|{f:F3}|{big:N0}|{1.0 / 3}|{0.1 + 0.2}|{1e16}");
            log.Add("interpolated align", $"[{"x",3}][{"y",-3}][{2.5,6:0.0}][{-7,4}][{t,10}]");
        }
    }
}
