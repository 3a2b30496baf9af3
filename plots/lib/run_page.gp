# plots/lib/run_page.gp: the start of a page of a run's chart, after the chart has set
# chart_title: "<scenario>: <chart_title>" above, the footer with the inputs'
# fingerprint below (page_start, lib/common.gp).
page_title = scenario . ': ' . chart_title
footer = 'fiscalsim · ' . scenario . ' · ' . w_fingerprint . ' ' . fingerprint . ' · ' . w_estimates
eval page_start
