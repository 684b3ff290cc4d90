using Dashboard.Domain.Money;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Data.Configuration;

/// <summary>Money is stored as an integer of 1/10,000 units: exact, sortable and summable in SQL on every provider.</summary>
public sealed class AmountConverter() : ValueConverter<Amount, long>(a => a.Units, units => new Amount(units));
