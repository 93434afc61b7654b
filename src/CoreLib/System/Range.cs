using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// `a..b`: a start and an end Index. C# compiles `s[a..b]` on a string to Substring, on an
    /// array to RuntimeHelpers.GetSubArray, and on a type with Length and Slice to Slice.
    /// </summary>
    public readonly struct Range : IEquatable<Range>
    {
        public Index Start { get; }
        public Index End { get; }

        public Range(Index start, Index end)
        {
            Start = start;
            End = end;
        }

        public static Range StartAt(Index start) => new Range(start, Index.End);

        public static Range EndAt(Index end) => new Range(Index.Start, end);

        public static Range All => new Range(Index.Start, Index.End);

        /// <summary>Start offset and length within a sequence of <paramref name="length"/> elements; out of range throws ArgumentOutOfRangeException.</summary>
        public (int Offset, int Length) GetOffsetAndLength(int length)
        {
            int start = Start.GetOffset(length);
            int end = End.GetOffset(length);
            if ((uint)end > (uint)length || (uint)start > (uint)end)
                ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            return (start, end - start);
        }

        public override bool Equals(object value) => value is Range r && Equals(r);

        public bool Equals(Range other) => other.Start.Equals(Start) && other.End.Equals(End);

        public override int GetHashCode() => Start.GetHashCode() * 31 + End.GetHashCode();

        public override string ToString() => Start.ToString() + ".." + End.ToString();
    }
}

namespace System.Runtime.CompilerServices
{
    public static unsafe partial class RuntimeHelpers
    {
        /// <summary>
        /// `array[a..b]`: a new array with those elements, of the source array's own type (a
        /// string[] seen as object[] slices to a string[], as in .NET).
        /// </summary>
        public static T[] GetSubArray<T>(T[] array, Range range)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNullException("array");
            (int offset, int length) = range.GetOffsetAndLength(array.Length);
            T[] result = Unsafe.As<T[]>(Internal.Runtime.RuntimeAllocation.NewArray(array.GetMethodTable(), length));
            Array.Copy(array, offset, result, 0, length);
            return result;
        }
    }
}
