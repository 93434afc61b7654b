using System.Collections.Generic;

namespace System
{
    // Tuples: (a, b, ...) syntax, deconstruction and tuple returns compile to these structs; a
    // tuple of more than seven elements nests the rest in TRest of the eight-element one.
    // ToString prints every element flat, "(1, 2, ..., 9)", as .NET does.
    internal interface IValueTupleInternal
    {
        // The elements and the closing parenthesis: "1, 2)".
        string ToStringEnd();
    }

    public struct ValueTuple
    {
        public static ValueTuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2) => new ValueTuple<T1, T2>(item1, item2);
        public static ValueTuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => new ValueTuple<T1, T2, T3>(item1, item2, item3);
    }

    public struct ValueTuple<T1> : IEquatable<ValueTuple<T1>>, IValueTupleInternal
    {
        public T1 Item1;

        public ValueTuple(T1 item1) { Item1 = item1; }

        public bool Equals(ValueTuple<T1> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1);

        public override bool Equals(object obj) => obj is ValueTuple<T1> t && Equals(t);

        public override int GetHashCode() =>
            EqualityComparer<T1>.Default.GetHashCode(Item1);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ")" });
    }

    public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;

        public ValueTuple(T1 item1, T2 item2) { Item1 = item1; Item2 = item2; }

        public bool Equals(ValueTuple<T1, T2> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
            EqualityComparer<T2>.Default.Equals(Item2, other.Item2);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2> t && Equals(t);

        public override int GetHashCode() =>
            (EqualityComparer<T1>.Default.GetHashCode(Item1)) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ", ", Item2?.ToString(), ")" });
    }

    public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;

        public ValueTuple(T1 item1, T2 item2, T3 item3) { Item1 = item1; Item2 = item2; Item3 = item3; }

        public bool Equals(ValueTuple<T1, T2, T3> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
            EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
            EqualityComparer<T3>.Default.Equals(Item3, other.Item3);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3> t && Equals(t);

        public override int GetHashCode() =>
            ((EqualityComparer<T1>.Default.GetHashCode(Item1)) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31 + EqualityComparer<T3>.Default.GetHashCode(Item3);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ", ", Item2?.ToString(), ", ", Item3?.ToString(), ")" });
    }

    public struct ValueTuple<T1, T2, T3, T4> : IEquatable<ValueTuple<T1, T2, T3, T4>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; }

        public bool Equals(ValueTuple<T1, T2, T3, T4> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
            EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
            EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
            EqualityComparer<T4>.Default.Equals(Item4, other.Item4);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4> t && Equals(t);

        public override int GetHashCode() =>
            (((EqualityComparer<T1>.Default.GetHashCode(Item1)) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31 + EqualityComparer<T3>.Default.GetHashCode(Item3)) * 31 + EqualityComparer<T4>.Default.GetHashCode(Item4);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ", ", Item2?.ToString(), ", ", Item3?.ToString(), ", ", Item4?.ToString(), ")" });
    }

    public struct ValueTuple<T1, T2, T3, T4, T5> : IEquatable<ValueTuple<T1, T2, T3, T4, T5>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; Item5 = item5; }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
            EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
            EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
            EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
            EqualityComparer<T5>.Default.Equals(Item5, other.Item5);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5> t && Equals(t);

        public override int GetHashCode() =>
            ((((EqualityComparer<T1>.Default.GetHashCode(Item1)) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31 + EqualityComparer<T3>.Default.GetHashCode(Item3)) * 31 + EqualityComparer<T4>.Default.GetHashCode(Item4)) * 31 + EqualityComparer<T5>.Default.GetHashCode(Item5);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ", ", Item2?.ToString(), ", ", Item3?.ToString(), ", ", Item4?.ToString(), ", ", Item5?.ToString(), ")" });
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; Item5 = item5; Item6 = item6; }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
            EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
            EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
            EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
            EqualityComparer<T5>.Default.Equals(Item5, other.Item5) &&
            EqualityComparer<T6>.Default.Equals(Item6, other.Item6);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6> t && Equals(t);

        public override int GetHashCode() =>
            (((((EqualityComparer<T1>.Default.GetHashCode(Item1)) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31 + EqualityComparer<T3>.Default.GetHashCode(Item3)) * 31 + EqualityComparer<T4>.Default.GetHashCode(Item4)) * 31 + EqualityComparer<T5>.Default.GetHashCode(Item5)) * 31 + EqualityComparer<T6>.Default.GetHashCode(Item6);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ", ", Item2?.ToString(), ", ", Item3?.ToString(), ", ", Item4?.ToString(), ", ", Item5?.ToString(), ", ", Item6?.ToString(), ")" });
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6, T7> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>, IValueTupleInternal
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;
        public T7 Item7;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; Item5 = item5; Item6 = item6; Item7 = item7; }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6, T7> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
            EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
            EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
            EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
            EqualityComparer<T5>.Default.Equals(Item5, other.Item5) &&
            EqualityComparer<T6>.Default.Equals(Item6, other.Item6) &&
            EqualityComparer<T7>.Default.Equals(Item7, other.Item7);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6, T7> t && Equals(t);

        public override int GetHashCode() =>
            ((((((EqualityComparer<T1>.Default.GetHashCode(Item1)) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31 + EqualityComparer<T3>.Default.GetHashCode(Item3)) * 31 + EqualityComparer<T4>.Default.GetHashCode(Item4)) * 31 + EqualityComparer<T5>.Default.GetHashCode(Item5)) * 31 + EqualityComparer<T6>.Default.GetHashCode(Item6)) * 31 + EqualityComparer<T7>.Default.GetHashCode(Item7);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ", ", Item2?.ToString(), ", ", Item3?.ToString(), ", ", Item4?.ToString(), ", ", Item5?.ToString(), ", ", Item6?.ToString(), ", ", Item7?.ToString(), ")" });
    }

    public struct ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> : IEquatable<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>, IValueTupleInternal where TRest : struct
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public T5 Item5;
        public T6 Item6;
        public T7 Item7;
        public TRest Rest;

        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4, T5 item5, T6 item6, T7 item7, TRest rest) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; Item5 = item5; Item6 = item6; Item7 = item7; Rest = rest; }

        public bool Equals(ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> other) =>
            EqualityComparer<T1>.Default.Equals(Item1, other.Item1) &&
            EqualityComparer<T2>.Default.Equals(Item2, other.Item2) &&
            EqualityComparer<T3>.Default.Equals(Item3, other.Item3) &&
            EqualityComparer<T4>.Default.Equals(Item4, other.Item4) &&
            EqualityComparer<T5>.Default.Equals(Item5, other.Item5) &&
            EqualityComparer<T6>.Default.Equals(Item6, other.Item6) &&
            EqualityComparer<T7>.Default.Equals(Item7, other.Item7) &&
            EqualityComparer<TRest>.Default.Equals(Rest, other.Rest);

        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> t && Equals(t);

        public override int GetHashCode() =>
            (((((((EqualityComparer<T1>.Default.GetHashCode(Item1)) * 31 + EqualityComparer<T2>.Default.GetHashCode(Item2)) * 31 + EqualityComparer<T3>.Default.GetHashCode(Item3)) * 31 + EqualityComparer<T4>.Default.GetHashCode(Item4)) * 31 + EqualityComparer<T5>.Default.GetHashCode(Item5)) * 31 + EqualityComparer<T6>.Default.GetHashCode(Item6)) * 31 + EqualityComparer<T7>.Default.GetHashCode(Item7)) * 31 + EqualityComparer<TRest>.Default.GetHashCode(Rest);

        public override string ToString() => "(" + ((IValueTupleInternal)this).ToStringEnd();

        string IValueTupleInternal.ToStringEnd() =>
            string.Concat(new[] { Item1?.ToString(), ", ", Item2?.ToString(), ", ", Item3?.ToString(), ", ", Item4?.ToString(), ", ", Item5?.ToString(), ", ", Item6?.ToString(), ", ", Item7?.ToString(), ", ", ((IValueTupleInternal)Rest).ToStringEnd() });
    }
}
