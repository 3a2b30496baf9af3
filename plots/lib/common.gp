# plots/lib/common.gp: what every fiscalsim chart script uses. Loaded once by the
# driver (charts.gp) after its settings, before any chart.
#
# Numbers a person reads are written here, in the run's language: gnuplot's own formats
# know only the C locale. The driver sets `thousands` and `decimal` ('.' and ',' in
# Vietnamese, ',' and '.' in English).

if (!exists("thousands")) thousands = ','
if (!exists("decimal")) decimal = '.'

# The digits of a whole number n >= 0 in groups of three.
fs_group(n) = n < 1000 ? sprintf('%d', n) : fs_group(int(n / 1000)) . thousands . sprintf('%03d', int(n) % 1000)

# x rounded to d decimals (0 to 6) in the language's format: 28.777.335, 0,99, -1.234,5.
# A value that rounds to zero is written 0, without a sign.
fs_scaled(x, d) = int(abs(x) * 10.0**d + 0.5)
fs_sign(x, d) = (x < 0 && fs_scaled(x, d) > 0) ? '-' : ''
fs_number(x, d) = d <= 0 ? fs_sign(x, 0) . fs_group(fs_scaled(x, 0)) : \
    fs_sign(x, d) . fs_group(int(fs_scaled(x, d) / 10**d)) . decimal . \
    sprintf(sprintf('%%0%dd', d), fs_scaled(x, d) % 10**d)

# A tick step of 1, 2 or 5 × 10^k giving about n steps over span (1 when span <= 0),
# and the decimals it needs. (real(): 1/6 would be 0 in gnuplot's integer arithmetic.)
fs_raw(span, n) = real(span) / real(n)
fs_mag(span, n) = 10.0**floor(log10(fs_raw(span, n)))
fs_step(span, n) = span <= 0 ? 1 : \
    (fs_raw(span, n) / fs_mag(span, n) <= 1 ? 1 : fs_raw(span, n) / fs_mag(span, n) <= 2 ? 2 : \
     fs_raw(span, n) / fs_mag(span, n) <= 5 ? 5 : 10) * fs_mag(span, n)
fs_decimals(step) = step >= 1 ? 0 : int(-floor(log10(real(step)) + 1e-9))

# The start of every page: axes on the left and bottom, dotted gray grid lines at the
# y tics, the title (page_title) and the footer (footer).
page_start = "reset; set encoding utf8; set border 3; set tics nomirror; " . \
    "set grid ytics lc 'gray70' dt 3; set bmargin 6; " . \
    "set title page_title font ',16'; " . \
    "set label 100 footer at screen 0.01, screen 0.015 font ',9' noenhanced"

# The word `name` for the run's level above the communes (upper_level: 'city', the
# default, or 'province'): the word name_province when upper_level is 'province' and the
# words have it, else name itself (fs_upper('w_city'): 'Thành phố' or 'Tỉnh').
if (!exists("upper_level")) upper_level = 'city'
fs_upper(name) = upper_level eq 'province' && exists(name . '_province') ? value(name . '_province') : value(name)

# high rounded up to a whole number of steps (at least one step).
fs_ceil_step(high, step) = ceil(real(high) / step - 1e-9) * step > 0 ? ceil(real(high) / step - 1e-9) * step : step
