using System;
using System.Globalization;

namespace Numbers.Tests
{
    /// <summary>Parsing cases (TryParse results and the values' bits), run in the kernel and on .NET.</summary>
    public static class ParseCases
    {
        public static readonly string[] DoubleInputs =
        {
            "1.5", " -2.5e10 ", "0.1", "1e400", "-1e400", "1e-400", "4.9406564584124654e-324", "2.4703282292062327e-324",
            "2.4703282292062328e-324", "1,234.5", "NaN", "-Infinity", "Infinity", "infinity", "\u221E", "abc", "", " ", "1e", ".5", "5.", "+.5e-3",
            "0x10", "9007199254740993", "9007199254740993.0000000000000000000001", "9007199254740995", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "0.30000000000000004", "123456789012345678901234567890", "1E+16", "-0", "-0.0e5", "1e-5", "00001.2500000",
            "3.14159265358979323846264338327950288419716939937510", "1.2.3", "1e+", "--1", "1-", "7e22", "8.589973e9", "1e23", "(1.5)", "\u00A42.5", "1.5-", "(-1)",
            "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
            "2.225073858507201136057409796709131975934819546351645648023426109724822222021076945516529523908135087914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012981122451451889849057222307285255133155755015914397476397983411801999323962548289017107081850690630666655994938275772572015763062690663332647565300009245888316433037779791869612049497390377829704905051080609940730262937128958950003583799967207254304360284078895771796150945516748243471030702609144621572289880258182545180325707018860872113128079512233426288368622321503775666622503982534335974568884423900265498198385487948292206894721689831099698365846814022854243330660339850886445804001034933970427567186443383770486037861622771738545623065874679014086723327636718751",
        };

        public static readonly string[] FloatInputs =
        {
            "3.4028235e38", "3.4028236e38", "3.40282357e38", "1e-45", "7e-46", "0.1", "16777217", "16777219", "1.17549435e-38", "nan", "-\u221E", "x",
        };

        public static readonly string[] IntegerInputs =
        {
            "123", "-123", " 42 ", "+7", "2147483647", "2147483648", "-2147483648", "-2147483649", "1,000", "12a", "", "  ", "0x1F", "- 5",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615", "18446744073709551616",
            "255", "256", "-1", "-0", "32767", "-32768", "65535", "000000000000000000000000000042", "4294967295", "1.0", "(5)", "5-",
            "1e3", "1.5e1", "1.5", "1.50", "12E-1", "120E-1", "1e20", "-0.0", "1,2,3", ",1", "1,", "+ 1", "1.", ".", "1..2", "\u00A41",
            "1.0e0", "-(1)", "-5-", "+5-", "(0)", " ( 7 ) ", "1e-1", "0e5", "100000000000000000000e-2", "-9223372036854775808.000",
        };

        public static readonly string[] HexInputs = { "FF", "ff", "7FFFFFFF", "80000000", "ffffffff", "1FFFFFFFF", "FFFFFFFFFFFFFFFF", "10000000000000000", " a ", "g", "-1", "0x1" };

        public static void Run(CaseLog log)
        {
            foreach (string s in DoubleInputs)
            {
                bool ok = double.TryParse(s, out double d);
                log.Add(string.Concat("double.TryParse \"", s, "\""), ok ? BitConverter.DoubleToInt64Bits(d).ToString("X16") : "false");
                ok = double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d);
                log.Add(string.Concat("double.TryParse Float \"", s, "\""), ok ? BitConverter.DoubleToInt64Bits(d).ToString("X16") : "false");
                ok = double.TryParse(s, NumberStyles.Any, CultureInfo.InvariantCulture, out d);
                log.Add(string.Concat("double.TryParse Any \"", s, "\""), ok ? BitConverter.DoubleToInt64Bits(d).ToString("X16") : "false");
            }
            foreach (string s in FloatInputs)
            {
                bool ok = float.TryParse(s, out float f);
                log.Add(string.Concat("float.TryParse \"", s, "\""), ok ? BitConverter.SingleToInt32Bits(f).ToString("X8") : "false");
            }
            for (int i = 0; i < 200; i++)
            {
                double d = BitConverter.Int64BitsToDouble((long)(log.Next() & 0x7FEF_FFFF_FFFF_FFFFUL));
                string r = d.ToString("R"), e = d.ToString("E25");
                log.Add(string.Concat("round trip ", r), BitConverter.DoubleToInt64Bits(double.Parse(r)).ToString("X16"));
                log.Add(string.Concat("parse ", e), BitConverter.DoubleToInt64Bits(double.Parse(e)).ToString("X16"));
            }
            NumberStyles[] styles = { NumberStyles.Integer, NumberStyles.Number, NumberStyles.Any, NumberStyles.None, NumberStyles.AllowThousands };
            foreach (string s in IntegerInputs)
                foreach (NumberStyles st in styles)
                {
                    string name = string.Concat(" \"", s, "\" ", ((int)st).ToString());
                    log.Add(string.Concat("int", name), int.TryParse(s, st, null, out int i32) ? i32.ToString() : "false");
                    log.Add(string.Concat("long", name), long.TryParse(s, st, null, out long i64) ? i64.ToString() : "false");
                    log.Add(string.Concat("uint", name), uint.TryParse(s, st, null, out uint u32) ? u32.ToString() : "false");
                    log.Add(string.Concat("ulong", name), ulong.TryParse(s, st, null, out ulong u64) ? u64.ToString() : "false");
                    log.Add(string.Concat("short", name), short.TryParse(s, st, null, out short i16) ? i16.ToString() : "false");
                    log.Add(string.Concat("byte", name), byte.TryParse(s, st, null, out byte u8) ? u8.ToString() : "false");
                }
            foreach (string s in HexInputs)
            {
                string name = string.Concat(" hex \"", s, "\"");
                log.Add(string.Concat("int", name), int.TryParse(s, NumberStyles.HexNumber, null, out int i32) ? i32.ToString() : "false");
                log.Add(string.Concat("long", name), long.TryParse(s, NumberStyles.HexNumber, null, out long i64) ? i64.ToString() : "false");
                log.Add(string.Concat("ulong", name), ulong.TryParse(s, NumberStyles.HexNumber, null, out ulong u64) ? u64.ToString() : "false");
                log.Add(string.Concat("sbyte", name), sbyte.TryParse(s, NumberStyles.HexNumber, null, out sbyte i8) ? i8.ToString() : "false");
            }
            log.Add("int.Parse", int.Parse("-2147483648").ToString());
            log.Add("long.Parse", long.Parse(" 9223372036854775807 ").ToString());
            log.Add("double.Parse", double.Parse("6.02214076e23").ToString());
            log.Add("float.Parse", float.Parse("1.17549435E-38").ToString());
        }
    }
}
