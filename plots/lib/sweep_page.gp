# plots/lib/sweep_page.gp: the start of a page of a sweep chart, after the chart has
# set chart_title: the title on top; under it the scenario, the design and the
# variants; the footer with the money unit (page_start, lib/common.gp). Also the
# sweep's helpers: sw_shown_unit, sw_result_word(name), sw_result_unit(name).
page_title = ''
sw_shown_unit = in_billions ? w_billion : money_unit
footer = w_sw_footer . ' · ' . scenario . ' · ' . w_cmp_money . ': ' . sw_shown_unit . \
    (in_billions ? ' (' . w_cmp_tables . ': ' . w_cmp_million . ')' : '')
eval page_start
set label 102 chart_title at screen 0.5, screen 0.965 center font ',16'
sw_subtitle = sprintf(w_sw_subtitle, scenario, value('w_sw_design_' . sweep_design), fs_number(sweep_variants, 0), \
    fs_number(sweep_solved, 0), fs_number(sweep_infeasible, 0)) . \
    (sweep_failed > 0 ? sprintf(w_sw_failed, fs_number(sweep_failed, 0)) : '')
set label 101 sw_subtitle at screen 0.5, screen 0.925 center font ',12'
# A result's name (sweep.csv's column: min_coverage, units_under_need, gini, transfers,
# city_balance) and its unit ('' for the Gini coefficient).
sw_result_word(name) = fs_upper('w_sw_result_' . name)
sw_result_unit(name) = name eq 'min_coverage' ? '%' : name eq 'units_under_need' ? w_sw_units_word : \
    name eq 'gini' ? '' : sw_shown_unit
