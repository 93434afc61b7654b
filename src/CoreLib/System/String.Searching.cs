using System.Runtime.CompilerServices;

namespace System
{
    // Finding chars and substrings (ordinal; see String.Comparison.cs for the IgnoreCase rule).
    public sealed partial class String
    {
        public int IndexOf(char c, int startIndex, int count)
        {
            CheckRange(startIndex, count);
            for (int i = startIndex; i < startIndex + count; i++)
                if (Unsafe.Add(ref _firstChar, i) == c) return i;
            return -1;
        }

        public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, StringComparison.Ordinal);
        public int IndexOf(string value, StringComparison comparison) => IndexOf(value, 0, comparison);

        public int IndexOf(string value, int startIndex, StringComparison comparison)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            CheckRange(startIndex, _stringLength - startIndex);
            bool ignoreCase = IgnoresCase(comparison);
            for (int i = startIndex; i <= _stringLength - value._stringLength; i++)
                if (CompareRange(this, i, value, 0, value._stringLength, ignoreCase) == 0) return i;
            return -1;
        }

        public int IndexOfAny(char[] anyOf) => IndexOfAny(anyOf, 0);

        public int IndexOfAny(char[] anyOf, int startIndex)
        {
            CheckRange(startIndex, _stringLength - startIndex);
            for (int i = startIndex; i < _stringLength; i++)
                if (Array.IndexOf(anyOf, Unsafe.Add(ref _firstChar, i)) >= 0) return i;
            return -1;
        }

        public int LastIndexOf(char c, int startIndex)
        {
            if ((uint)startIndex >= (uint)_stringLength) ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            for (int i = startIndex; i >= 0; i--)
                if (Unsafe.Add(ref _firstChar, i) == c) return i;
            return -1;
        }

        public int LastIndexOf(string value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            for (int i = _stringLength - value._stringLength; i >= 0; i--)
                if (CompareRange(this, i, value, 0, value._stringLength, false) == 0) return i;
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf)
        {
            for (int i = _stringLength - 1; i >= 0; i--)
                if (Array.IndexOf(anyOf, Unsafe.Add(ref _firstChar, i)) >= 0) return i;
            return -1;
        }

        public bool Contains(string value, StringComparison comparison) => IndexOf(value, comparison) >= 0;

        private void CheckRange(int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_stringLength || (uint)count > (uint)(_stringLength - startIndex))
                ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
        }
    }
}
