namespace Dashboard.Metrics.Snapshot;

/// <summary>A growable array for loading a column; <see cref="ToArray"/> trims it, optionally reordered.</summary>
internal sealed class ColumnBuffer<T>
{
    private T[] _items = new T[1024];

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public void Add(T value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }

    public T[] ToArray(int[]? order)
    {
        var result = new T[Count];
        if (order is null)
        {
            Array.Copy(_items, result, Count);
        }
        else
        {
            for (var i = 0; i < order.Length; i++)
            {
                result[i] = _items[order[i]];
            }
        }

        return result;
    }

    /// <summary>
    /// Null when already ascending; else the stable permutation that sorts by day, by counting (days span a few
    /// thousand values, so this is two linear passes where a comparison sort of millions of rows took about a second).
    /// </summary>
    public static int[]? SortOrder(ColumnBuffer<int> days)
    {
        var items = days._items;
        var n = days.Count;
        var sorted = true;
        int min = int.MaxValue, max = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            var day = items[i];
            sorted &= i == 0 || day >= items[i - 1];
            min = Math.Min(min, day);
            max = Math.Max(max, day);
        }

        if (sorted)
        {
            return null;
        }

        var starts = new int[max - min + 2];
        for (var i = 0; i < n; i++)
        {
            starts[items[i] - min + 1]++;
        }

        for (var d = 1; d < starts.Length; d++)
        {
            starts[d] += starts[d - 1];
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[starts[items[i] - min]++] = i;
        }

        return order;
    }
}
