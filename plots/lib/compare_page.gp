# plots/lib/compare_page.gp: the start of a page of a compare chart, after the chart
# has set chart_title: the title on top, the two scenarios under it, the footer with
# the money unit below; the plot area starts under them (page_start, lib/common.gp).
page_title = ''
cmp_shown_unit = in_billions ? w_billion : money_unit
footer = w_cmp_footer . ' · ' . base . ' → ' . reform . ' · ' . w_cmp_money . ': ' . cmp_shown_unit . \
    (in_billions ? ' (' . w_cmp_tables . ': ' . w_cmp_million . ')' : '')
eval page_start
set label 102 chart_title at screen 0.5, screen 0.965 center font ',16'
set label 101 w_cmp_baseline . ': ' . base . '   →   ' . w_cmp_reform . ': ' . reform \
    at screen 0.5, screen 0.925 center font ',11'
set tmargin at screen 0.86
# Amounts of the datablocks are in the unit shown: 3 decimals in tỷ đồng (exact to the
# million), none otherwise; a gain is written with its sign.
cmp_decimals = in_billions ? 3 : 0
cmp_signed(x) = (x > 0 ? '+' : '') . fs_number(x, cmp_decimals)
