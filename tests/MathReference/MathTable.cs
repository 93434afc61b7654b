using System;
using System.Collections.Generic;
using System.Text;

/// <summary>
/// Inputs for every Math/MathF function the core library implements, and .NET's results for them
/// on this Linux machine (where Math calls glibc's libm), written as bit patterns.
/// </summary>
static class MathTable
{
    static readonly Random Rng = new Random(20261202);

    static readonly double[] Specials =
    {
        0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
        2.2250738585072014E-308, 2.2250738585072009E-308, 1e-310, -3e-320, double.MaxValue, double.MinValue,
        1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3, 0.49999999999999994, 2, Math.PI, Math.PI / 2, Math.PI / 4, -Math.PI, 1e-8, 1e-300,
        1e-20, 0.1, 0.7, 0.75, 0.9999999999999999, 1.0000000000000002, 10, 100, 1e5, 709.78, 709.79, 710, -708, -745, -745.2, 1e10,
        1e15, 4503599627370495.5, 4503599627370497, 1e16, 1e22, 1e100, 1e300, Math.ScaleB(1, 1000), Math.ScaleB(6381956970095103, 797),
        Math.ScaleB(6381956970095103, 796), 5.319372648326541e+255, 1.5707963267948966, 3.141592653589793, 4.71238898038469,
        1.4142135623730951, 0.7071067811865476, 22, 19, 40, 41, 0.35, 0.3499999, 1e-5, 123.456, -123.456,
    };

    static double RandomWide()
    {
        // Random bits, with the exponent spread over every binade (subnormals and huge included).
        long bits = Rng.NextInt64() & 0x000F_FFFF_FFFF_FFFFL;
        long exp = Rng.Next(0, 2047);
        double d = BitConverter.Int64BitsToDouble((exp << 52) | bits);
        return Rng.Next(2) == 0 ? d : -d;
    }

    static double RandomIn(double lo, double hi) => lo + (hi - lo) * Rng.NextDouble();

    static double Subnormal() => BitConverter.Int64BitsToDouble(Rng.NextInt64(1, 0x000F_FFFF_FFFF_FFFFL));

    /// <summary>Doubles next to multiples of π/2, where reduction cancels most bits.</summary>
    static double NearHalfPi() => Math.BitIncrement(Rng.Next(1, 2_000_000) * (Math.PI / 2)) * (Rng.Next(2) == 0 ? 1 : -1);

    static IEnumerable<double> Inputs(Func<double> gen, int count)
    {
        foreach (double d in Specials) yield return d;
        for (int i = 0; i < count; i++) yield return gen();
    }

    static string Hex(double d) => $"0x{BitConverter.DoubleToUInt64Bits(d):X16}";
    static string Hex(float f) => $"0x{BitConverter.SingleToUInt32Bits(f):X8}";

    static void Unary(StringBuilder sb, string name, Func<double, double> f, Func<double> gen, int count = 150)
    {
        sb.Append($"        internal static readonly ulong[] {name} =\n        {{");
        int i = 0;
        foreach (double x in Inputs(gen, count))
            sb.Append(i++ % 4 == 0 ? "\n            " : " ").Append(Hex(x)).Append(", ").Append(Hex(f(x))).Append(',');
        sb.Append("\n        };\n");
    }

    static void Binary(StringBuilder sb, string name, Func<double, double, double> f, Func<(double, double)> gen, int count = 250)
    {
        sb.Append($"        internal static readonly ulong[] {name} =\n        {{");
        int i = 0;
        var pairs = new List<(double, double)>();
        double[] few = { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1, -1, 0.5, -2, 2.5, 3, -3, 1e300, 1e-300, double.Epsilon, 0.1 };
        foreach (double a in few) foreach (double b in few) pairs.Add((a, b));
        for (int k = 0; k < count; k++) pairs.Add(gen());
        foreach (var (x, y) in pairs)
            sb.Append(i++ % 2 == 0 ? "\n            " : " ").Append(Hex(x)).Append(", ").Append(Hex(y)).Append(", ").Append(Hex(f(x, y))).Append(',');
        sb.Append("\n        };\n");
    }

    static void UnaryF(StringBuilder sb, string name, Func<float, float> f, Func<float> gen, int count = 150)
    {
        sb.Append($"        internal static readonly uint[] {name} =\n        {{");
        int i = 0;
        var inputs = new List<float>();
        foreach (double d in Specials) inputs.Add((float)d);
        for (int k = 0; k < count; k++) inputs.Add(gen());
        foreach (float x in inputs)
            sb.Append(i++ % 6 == 0 ? "\n            " : " ").Append(Hex(x)).Append(", ").Append(Hex(f(x))).Append(',');
        sb.Append("\n        };\n");
    }

    static void BinaryF(StringBuilder sb, string name, Func<float, float, float> f, Func<(float, float)> gen, int count = 200)
    {
        sb.Append($"        internal static readonly uint[] {name} =\n        {{");
        int i = 0;
        for (int k = 0; k < count; k++)
        {
            var (x, y) = gen();
            sb.Append(i++ % 4 == 0 ? "\n            " : " ").Append(Hex(x)).Append(", ").Append(Hex(y)).Append(", ").Append(Hex(f(x, y))).Append(',');
        }
        sb.Append("\n        };\n");
    }

    static double Small() => Rng.Next(3) switch { 0 => RandomIn(-10, 10), 1 => RandomIn(-1, 1) * Math.ScaleB(1, Rng.Next(-60, 0)), _ => RandomIn(-1e6, 1e6) };
    static double Positive() => Math.Abs(Rng.Next(3) == 0 ? RandomIn(0.5, 2) : RandomWide());
    static double Unit() => Rng.Next(2) == 0 ? RandomIn(-1, 1) : Math.CopySign(1 - Math.ScaleB(RandomIn(0, 1), -Rng.Next(1, 50)), RandomIn(-1, 1));

    public static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("// Generated by tests/MathReference on Linux with .NET ").Append(Environment.Version).Append(" (dotnet run -- math): do not edit.\n");
        sb.Append("// Each row: inputs then .NET's result, as IEEE 754 bit patterns.\n");
        sb.Append("namespace Numbers.Tests\n{\n    internal static class MathReference\n    {\n");
        Func<double> trigArg = () => Rng.Next(2) == 0 ? Small() : RandomWide();
        Unary(sb, "Sin", Math.Sin, trigArg, 300);
        Unary(sb, "Cos", Math.Cos, trigArg, 300);
        Unary(sb, "Tan", Math.Tan, trigArg, 300);
        Unary(sb, "SinNearHalfPi", Math.Sin, NearHalfPi, 200);
        Unary(sb, "CosNearHalfPi", Math.Cos, NearHalfPi, 200);
        Unary(sb, "Asin", Math.Asin, Unit);
        Unary(sb, "Acos", Math.Acos, Unit);
        Unary(sb, "Atan", Math.Atan, trigArg);
        Unary(sb, "Sinh", Math.Sinh, () => RandomIn(-720, 720) * Math.ScaleB(1, -Rng.Next(0, 40)));
        Unary(sb, "Cosh", Math.Cosh, () => RandomIn(-720, 720) * Math.ScaleB(1, -Rng.Next(0, 40)));
        Unary(sb, "Tanh", Math.Tanh, () => RandomIn(-25, 25) * Math.ScaleB(1, -Rng.Next(0, 40)));
        Unary(sb, "Asinh", Math.Asinh, trigArg);
        Unary(sb, "Acosh", Math.Acosh, () => 1 + Positive());
        Unary(sb, "Atanh", Math.Atanh, Unit);
        Unary(sb, "Exp", Math.Exp, () => Rng.Next(3) switch { 0 => RandomIn(-750, 712), 1 => RandomIn(-745.2, -707), _ => Small() }, 300);
        Unary(sb, "Log", Math.Log, () => Rng.Next(4) switch { 0 => 1 + RandomIn(-1, 1) * Math.ScaleB(1, -Rng.Next(1, 50)), 1 => Subnormal(), _ => Positive() }, 300);
        Unary(sb, "Log10", Math.Log10, Positive);
        Unary(sb, "Log2", Math.Log2, Positive);
        // Cube roots: x, .NET's result, the correctly rounded result (glibc's cbrt is up to 2 ulp off).
        sb.Append("        internal static readonly ulong[] Cbrt =\n        {");
        foreach (double x in Inputs(RandomWide, 150))
            sb.Append("\n            ").Append(Hex(x)).Append(", ").Append(Hex(Math.Cbrt(x))).Append(", ").Append(Hex(ExactCbrt.Cbrt(x))).Append(',');
        sb.Append("\n        };\n");
        Unary(sb, "Sqrt", Math.Sqrt, () => Rng.Next(3) == 0 ? Subnormal() : Positive());
        Unary(sb, "Round", Math.Round, () => Rng.Next(2) == 0 ? Math.Round(RandomIn(-1e6, 1e6)) + 0.5 * Rng.Next(-1, 2) : RandomIn(-1e17, 1e17) * Math.ScaleB(1, -Rng.Next(0, 60)));
        Unary(sb, "Truncate", Math.Truncate, () => RandomIn(-1e17, 1e17) * Math.ScaleB(1, -Rng.Next(0, 60)));
        Unary(sb, "Floor", Math.Floor, () => RandomIn(-1e17, 1e17) * Math.ScaleB(1, -Rng.Next(0, 60)));
        Unary(sb, "Ceiling", Math.Ceiling, () => RandomIn(-1e17, 1e17) * Math.ScaleB(1, -Rng.Next(0, 60)));
        Unary(sb, "BitIncrement", Math.BitIncrement, RandomWide);
        Unary(sb, "BitDecrement", Math.BitDecrement, RandomWide);
        Unary(sb, "ILogB", x => Math.ILogB(x), RandomWide);
        Func<(double, double)> anyPair = () => (Rng.Next(2) == 0 ? Small() : RandomWide(), Rng.Next(2) == 0 ? Small() : RandomWide());
        Binary(sb, "Atan2", Math.Atan2, anyPair, 400);
        Binary(sb, "Pow", Math.Pow, () => Rng.Next(5) switch
        {
            0 => (RandomIn(-20, 20), Math.Round(RandomIn(-60, 60))),
            1 => (Positive(), RandomIn(-3, 3)),
            2 => (RandomIn(0, 3), RandomIn(-700, 700)),
            3 => (RandomIn(0.5, 2), RandomIn(-1100, -1000) / Math.Log2(2)),
            _ => (1 + RandomIn(-1, 1) * Math.ScaleB(1, -Rng.Next(1, 50)), RandomIn(-1e12, 1e12)),
        }, 500);
        Binary(sb, "Remainder", (x, y) => x % y, anyPair, 400);
        Binary(sb, "IEEERemainder", Math.IEEERemainder, anyPair, 400);
        Binary(sb, "CopySign", Math.CopySign, anyPair, 50);
        Binary(sb, "ScaleB", (x, n) => Math.ScaleB(x, (int)n), () => (RandomWide(), Rng.Next(-2200, 2200)), 300);
        Binary(sb, "LogBase", Math.Log, () => (Positive(), Positive()), 100);
        Binary(sb, "Max", Math.Max, anyPair, 20);
        Binary(sb, "Min", Math.Min, anyPair, 20);
        // Round(x, digits, mode): digits and mode packed in the second operand as digits·8 + mode.
        Binary(sb, "RoundDigits", (x, dm) => double.IsFinite(dm) && dm >= 0 && dm < 128 && dm == Math.Floor(dm) && (int)dm % 8 <= 4 && (int)dm / 8 <= 15 ? Math.Round(x, (int)dm / 8, (MidpointRounding)((int)dm % 8)) : 0,
            () => (Rng.Next(2) == 0 ? Math.Round(RandomIn(-1e4, 1e4)) / 1000 + 0.0005 : RandomIn(-1e6, 1e6) * Math.ScaleB(1, -Rng.Next(0, 40)), Rng.Next(0, 16) * 8 + Rng.Next(0, 5)), 600);
        sb.Append("        internal static readonly ulong[] FusedMultiplyAdd =\n        {");
        for (int k = 0; k < 300; k++)
        {
            double a = Small(), b = Small(), c = k % 3 == 0 ? -a * b : Small();
            sb.Append("\n            ").Append(Hex(a)).Append(", ").Append(Hex(b)).Append(", ").Append(Hex(c)).Append(", ").Append(Hex(Math.FusedMultiplyAdd(a, b, c))).Append(',');
        }
        sb.Append("\n        };\n");
        Func<float> floatArg = () => Rng.Next(2) == 0 ? (float)Small() : (float)RandomIn(-1e30, 1e30);
        UnaryF(sb, "SinF", MathF.Sin, floatArg);
        UnaryF(sb, "CosF", MathF.Cos, floatArg);
        UnaryF(sb, "TanF", MathF.Tan, floatArg);
        UnaryF(sb, "AtanF", MathF.Atan, floatArg);
        UnaryF(sb, "ExpF", MathF.Exp, () => (float)RandomIn(-105, 90));
        UnaryF(sb, "LogF", MathF.Log, () => (float)Positive());
        UnaryF(sb, "CbrtF", MathF.Cbrt, floatArg);
        UnaryF(sb, "TanhF", MathF.Tanh, () => (float)RandomIn(-12, 12));
        UnaryF(sb, "RoundF", MathF.Round, () => (float)(Math.Round(RandomIn(-1e4, 1e4)) + 0.5 * Rng.Next(-1, 2)));
        Func<(float, float)> floatPair = () => ((float)Small(), (float)Small());
        BinaryF(sb, "PowF", MathF.Pow, () => ((float)RandomIn(0, 10), (float)RandomIn(-30, 30)));
        BinaryF(sb, "Atan2F", MathF.Atan2, floatPair);
        BinaryF(sb, "RemainderF", (x, y) => x % y, floatPair);
        sb.Append("    }\n}\n");
        return sb.ToString();
    }
}
