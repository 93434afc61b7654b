namespace Nacre.Personality.Libc
{
    /// <summary>printf's floating-point conversions (%f %F %e %E %g %G %a %A) on exact digits (DecimalDigits).</summary>
    public static unsafe class FloatingPoint
    {
        public static void Format(Printf.Output* output, double v, byte conversion, bool left, bool plus, bool space,
                                  bool alternate, bool zero, int width, int precision)
        {
            bool upper = conversion == (byte)'F' || conversion == (byte)'E' || conversion == (byte)'G' || conversion == (byte)'A';
            byte lower = (byte)(conversion | 0x20);
            bool negative = DoubleBits.IsNegative(v);
            var body = new Printf.Output();
            if (DoubleBits.IsNaN(v) || DoubleBits.IsInfinity(v))
            {
                string text = DoubleBits.IsNaN(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
                for (int i = 0; i < text.Length; i++) body.Put((byte)text[i]);
                zero = false;
            }
            else
            {
                if (negative) v = -v;
                if (lower == (byte)'a') Hex(&body, v, precision, alternate, upper);
                else
                {
                    if (precision < 0) precision = 6;
                    DecimalDigits d;
                    DecimalDigits.Of(v, &d);
                    if (lower == (byte)'f') Fixed(&body, &d, precision, alternate);
                    else if (lower == (byte)'e') Exponent(&body, &d, precision, alternate, upper);
                    else General(&body, &d, v, precision, alternate, upper);
                }
            }
            byte sign = negative ? (byte)'-' : plus ? (byte)'+' : space ? (byte)' ' : (byte)0;
            int length = body.Length + (sign != 0 ? 1 : 0);
            int pad = width > length ? width - length : 0;
            if (!left && !zero) output->Repeat((byte)' ', pad);
            if (sign != 0) output->Put(sign);
            if (!left && zero)
            {
                // Zero padding goes after the sign and any 0x prefix.
                int prefix = lower == (byte)'a' && body.Length >= 2 && body.Bytes[0] == (byte)'0' ? 2 : 0;
                output->Put(body.Bytes, prefix);
                output->Repeat((byte)'0', pad);
                output->Put(body.Bytes + prefix, body.Length - prefix);
            }
            else output->Put(body.Bytes, body.Length);
            if (left) output->Repeat((byte)' ', pad);
            body.Release();
        }

        private static void Fixed(Printf.Output* o, DecimalDigits* d, int precision, bool alternate)
        {
            d->RoundTo(d->PointPosition + precision);
            if (d->PointPosition <= 0) o->Put((byte)'0');
            else for (int i = 0; i < d->PointPosition; i++) o->Put(d->At(i));
            if (precision > 0 || alternate) o->Put((byte)'.');
            for (int i = 0; i < precision; i++) o->Put(d->At(d->PointPosition + i));
        }

        private static void Exponent(Printf.Output* o, DecimalDigits* d, int precision, bool alternate, bool upper)
        {
            d->RoundTo(precision + 1);
            int exponent = d->IsZero ? 0 : d->PointPosition - 1;
            o->Put(d->At(0));
            if (precision > 0 || alternate) o->Put((byte)'.');
            for (int i = 1; i <= precision; i++) o->Put(d->At(i));
            ExponentSuffix(o, exponent, upper ? (byte)'E' : (byte)'e', 2);
        }

        private static void ExponentSuffix(Printf.Output* o, int exponent, byte letter, int minimumDigits)
        {
            o->Put(letter);
            o->Put(exponent < 0 ? (byte)'-' : (byte)'+');
            if (exponent < 0) exponent = -exponent;
            byte* digits = stackalloc byte[8];
            int n = 0;
            do { digits[n++] = (byte)('0' + exponent % 10); exponent /= 10; } while (exponent != 0);
            for (int i = n; i < minimumDigits; i++) o->Put((byte)'0');
            for (int i = n - 1; i >= 0; i--) o->Put(digits[i]);
        }

        // %g: %e if the exponent X (after rounding to P significant digits) is < -4 or >= P,
        // else %f with P-1-X decimals; trailing zeros (and a bare point) go unless '#'.
        private static void General(Printf.Output* o, DecimalDigits* d, double v, int precision, bool alternate, bool upper)
        {
            int p = precision == 0 ? 1 : precision;
            d->RoundTo(p);
            int x = d->IsZero ? 0 : d->PointPosition - 1;
            int start = o->Length;
            if (x < -4 || x >= p)
            {
                o->Put(d->At(0));
                int fraction = p - 1;
                if (!alternate) while (fraction > 0 && d->At(fraction) == (byte)'0') fraction--;
                if (fraction > 0 || alternate) o->Put((byte)'.');
                for (int i = 1; i <= fraction; i++) o->Put(d->At(i));
                ExponentSuffix(o, x, upper ? (byte)'E' : (byte)'e', 2);
                return;
            }
            int decimals = p - 1 - x;
            if (d->PointPosition <= 0) o->Put((byte)'0');
            else for (int i = 0; i < d->PointPosition; i++) o->Put(d->At(i));
            if (!alternate) while (decimals > 0 && d->At(d->PointPosition + decimals - 1) == (byte)'0') decimals--;
            if (decimals > 0 || alternate) o->Put((byte)'.');
            for (int i = 0; i < decimals; i++) o->Put(d->At(d->PointPosition + i));
        }

        // %a: 0x1.hhhp±d (normal), 0x0.hhhp-1022 (subnormal), rounding half to even at the precision.
        private static void Hex(Printf.Output* o, double v, int precision, bool alternate, bool upper)
        {
            ulong bits = DoubleBits.ToBits(v);
            int exponent = (int)((bits >> 52) & 0x7FF);
            ulong mantissa = bits & 0xFFFFFFFFFFFFFUL;
            int lead = exponent == 0 ? 0 : 1;
            int e = v == 0 ? 0 : exponent == 0 ? -1022 : exponent - 1023;
            int digits = 13;
            if (precision < 0) { while (digits > 0 && (mantissa & 0xF) == 0 && digits > 0) { mantissa >>= 4; digits--; } }
            else if (precision < 13)
            {
                int drop = 4 * (13 - precision);
                ulong rest = mantissa & ((1UL << drop) - 1), half = 1UL << (drop - 1);
                mantissa >>= drop;
                if (rest > half || (rest == half && (mantissa & 1) != 0)) mantissa++;
                if (mantissa >> (4 * precision) != 0) { mantissa &= (1UL << (4 * precision)) - 1; lead++; }
                digits = precision;
            }
            string hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
            o->Put((byte)'0');
            o->Put(upper ? (byte)'X' : (byte)'x');
            o->Put((byte)('0' + lead));
            int total = precision > digits ? precision : digits;
            if (total > 0 || alternate) o->Put((byte)'.');
            for (int i = digits - 1; i >= 0; i--) o->Put((byte)hex[(int)((mantissa >> (4 * i)) & 0xF)]);
            for (int i = digits; i < total; i++) o->Put((byte)'0');
            ExponentSuffix(o, e, upper ? (byte)'P' : (byte)'p', 1);
        }
    }
}
