# Drawn by fiscalsim sweep from its tables; rerun with: gnuplot sweep-charts.gp
# fiscalsim sets `outdir` to draw into its staging folder; rerun by hand, the charts go to the
# folder each `set output` names.
set encoding utf8
# The chart scripts (plots/); another copy: gnuplot -e "plots='DIR'" <this script>
if (!exists("plots")) plots = 'PLOTS'
lang = 'vi'
thousands = '.'
decimal = ','
load plots.'/lib/common.gp'
load plots.'/words/'.lang.'.gp'
scenario = 'water filling'
money_unit = 'million VND'
in_billions = 1
upper_level = 'city'
sweep_design = 'lhs'
sweep_variants = 60
sweep_solved = 46
sweep_infeasible = 14
sweep_failed = 0
sweep_has_fan = 0
tornado_oat = 0
tornado_sobol = 0
tornado_panels = 5
tornado_label_width = 0.1569
tornado_params = 2
tornado_max_bars = 8
tornado_fitted = 46
tornado_unsolved = 1
array panel_result[5]; array panel_rows[5]; array panel_empty[5]; array panel_value[5]
array panel_lo[5]; array panel_hi[5]; array panel_base[5]; array panel_base_text[5]
array panel_r2[5]; array panel_unsolved[5]
array panel_above_a[5]; array panel_below_a[5]; array panel_above_b[5]; array panel_below_b[5]
$tornado_1 << EOD
# row a b lo hi a_text b_text a_unsolved b_unsolved st_text_at name range a_side b_side
2 0.998619 NaN NaN NaN "1,00" "0,00" 0 0 NaN "Tổng mức phân bổ cho cấp xã" "" 1 0
1 0.006604 NaN NaN NaN "0,01" "0,00" 0 0 NaN "Mức ưu tiên kinh phí nhiệm vụ…" "" 1 0
EOD
panel_result[1] = 'min_coverage'; panel_rows[1] = 2; panel_empty[1] = 0
panel_value[1] = ''
panel_lo[1] = -1.469246032; panel_hi[1] = 1.469246032; panel_base[1] = 0
panel_base_text[1] = ''; panel_r2[1] = '0,996'; panel_unsolved[1] = 0
panel_above_a[1] = 2; panel_below_a[1] = 0; panel_above_b[1] = 0; panel_below_b[1] = 0
$tornado_2 << EOD
# row a b lo hi a_text b_text a_unsolved b_unsolved st_text_at name range a_side b_side
2 0 NaN NaN NaN "0,00" "0,00" 0 0 NaN "Tổng mức phân bổ cho cấp xã" "" 0 0
1 0 NaN NaN NaN "0,00" "0,00" 0 0 NaN "Mức ưu tiên kinh phí nhiệm vụ…" "" 0 0
EOD
panel_result[2] = 'units_under_need'; panel_rows[2] = 2; panel_empty[2] = 3
panel_value[2] = '2'
panel_lo[2] = -1.469246032; panel_hi[2] = 1.469246032; panel_base[2] = 0
panel_base_text[2] = ''; panel_r2[2] = '1,000'; panel_unsolved[2] = 0
panel_above_a[2] = 0; panel_below_a[2] = 0; panel_above_b[2] = 0; panel_below_b[2] = 0
$tornado_3 << EOD
# row a b lo hi a_text b_text a_unsolved b_unsolved st_text_at name range a_side b_side
2 -0.970847 NaN NaN NaN "-0,97" "0,00" 0 0 NaN "Tổng mức phân bổ cho cấp xã" "" -1 0
1 -0.050898 NaN NaN NaN "-0,05" "0,00" 0 0 NaN "Mức ưu tiên kinh phí nhiệm vụ…" "" -1 0
EOD
panel_result[3] = 'gini'; panel_rows[3] = 2; panel_empty[3] = 0
panel_value[3] = ''
panel_lo[3] = -1.606290672; panel_hi[3] = 1.606290672; panel_base[3] = 0
panel_base_text[3] = ''; panel_r2[3] = '0,937'; panel_unsolved[3] = 0
panel_above_a[3] = 0; panel_below_a[3] = 2; panel_above_b[3] = 0; panel_below_b[3] = 0
$tornado_4 << EOD
# row a b lo hi a_text b_text a_unsolved b_unsolved st_text_at name range a_side b_side
2 0.999996 NaN NaN NaN "1,00" "0,00" 0 0 NaN "Tổng mức phân bổ cho cấp xã" "" 1 0
1 -3.8e-05 NaN NaN NaN "0,00" "0,00" 0 0 NaN "Mức ưu tiên kinh phí nhiệm vụ…" "" -1 0
EOD
panel_result[4] = 'transfers'; panel_rows[4] = 2; panel_empty[4] = 0
panel_value[4] = ''
panel_lo[4] = -1.469246032; panel_hi[4] = 1.469246032; panel_base[4] = 0
panel_base_text[4] = ''; panel_r2[4] = '1,000'; panel_unsolved[4] = 0
panel_above_a[4] = 1; panel_below_a[4] = 1; panel_above_b[4] = 0; panel_below_b[4] = 0
$tornado_5 << EOD
# row a b lo hi a_text b_text a_unsolved b_unsolved st_text_at name range a_side b_side
2 -0.999996 NaN NaN NaN "-1,00" "0,00" 0 0 NaN "Tổng mức phân bổ cho cấp xã" "" -1 0
1 3.8e-05 NaN NaN NaN "0,00" "0,00" 0 0 NaN "Mức ưu tiên kinh phí nhiệm vụ…" "" 1 0
EOD
panel_result[5] = 'city_balance'; panel_rows[5] = 2; panel_empty[5] = 0
panel_value[5] = ''
panel_lo[5] = -1.606290672; panel_hi[5] = 1.606290672; panel_base[5] = 0
panel_base_text[5] = ''; panel_r2[5] = '1,000'; panel_unsolved[5] = 0
panel_above_a[5] = 1; panel_below_a[5] = 1; panel_above_b[5] = 0; panel_below_b[5] = 0
$scatter << EOD
# variant coverage_percent infeasible p1 p2
1 44.5 0 0.845551246 0.156503
2 NaN 1 0.455105294 0.389845
3 66.75 0 1.067935565 0.718105
4 73.75 0 1.13824685 0.476014
5 43 0 0.831229549 0.485391
6 37.25 0 0.772635084 0.443295
7 11.5 0 0.545634626 0.694299
8 41.75 0 0.817746292 0.919893
9 39.25 0 0.793169602 0.797442
10 27 0 0.670850195 0.558118
11 31.1667 0 0.711623683 0.373894
12 22 0 0.619545913 0.57917
13 NaN 1 0.495892722 0.201246
14 NaN 1 0.323402141 0.913148
15 61.1667 0 1.011858102 0.9459
16 76 0 1.159982381 0.019958
17 NaN 1 0.346166608 0.619034
18 34.25 0 0.742754899 0.993672
19 48.75 0 0.888260553 0.538712
20 NaN 1 0.410963819 0.236376
21 9.25 0 0.536704138 0.503243
22 54.1667 0 0.942024162 0.405277
23 NaN 1 0.379870449 0.527451
24 NaN 1 0.469830651 0.084555
25 74.25 0 1.143301854 0.893471
26 51 0 0.910766211 0.752962
27 30.25 0 0.703304181 0.661758
28 45.5 0 0.855102504 0.811385
29 78.3333 0 1.183702667 0.359401
30 NaN 1 0.440939761 0.275804
31 NaN 1 0.482925252 0.289515
32 25.8333 0 0.659458889 0.850006
33 53 0 0.929513742 0.982035
34 NaN 1 0.335788552 0.304071
35 58.5 0 0.986009316 0.458603
36 NaN 1 0.420448237 0.227992
37 60.3333 0 1.004095238 0.069177
38 28.75 0 0.688018564 0.135866
39 56.5 0 0.965753839 0.010729
40 55.75 0 0.958334277 0.871611
41 15.25 0 0.561284176 0.704016
42 63 0 1.02986316 0.644576
43 2.75 0 0.511134914 0.344955
44 18.25 0 0.582818485 0.428592
45 79 0 1.189700798 0.043923
46 70.3333 0 1.103694242 0.104974
47 68 0 1.081137099 0.199199
48 NaN 1 0.365011438 0.775557
49 72 0 1.12062232 0.965206
50 NaN 1 0.314769983 0.326565
51 NaN 1 0.393616241 0.176828
52 23.6667 0 0.636717023 0.739499
53 32.5 0 0.726477472 0.116964
54 36 0 0.760025621 0.254584
55 20.1667 0 0.602487044 0.682116
56 47.5 0 0.875601519 0.832949
57 65.5 0 1.056254299 0.59012
58 63.75 0 1.038351596 0.614253
59 18.8333 0 0.588937572 0.057471
60 39.8333 0 0.799065319 0.839084
EOD
sc_panels = 2
sc_step = 1
sc_solved = 46
sc_infeasible = 14
sc_low = 2.75
sc_high = 79
sc_span = 76.25
array sc_xlo[2]; array sc_xhi[2]; array sc_src[2]; array sc_name[2]; array sc_detail[2]
array sc_key[2]; array sc_counts[2]
sc_xlo[1] = 0.2710234423; sc_xhi[1] = 1.233447339; sc_src[1] = 0.998619
sc_name[1] = 'Tổng mức phân bổ cho cấp xã'
sc_detail[1] = '(policy.envelope), tỷ đồng'
sc_key[1] = 'policy.envelope'
$sc_counts_1 << EOD
# value infeasible_variants
EOD
sc_counts[1] = 0
sc_xlo[2] = -0.03841815; sc_xhi[2] = 1.04281915; sc_src[2] = 0.006604
sc_name[2] = 'Mức ưu tiên kinh phí nhiệm vụ được giao'
sc_detail[2] = '(policy.priority)'
sc_key[2] = 'policy.priority'
$sc_counts_2 << EOD
# value infeasible_variants
EOD
sc_counts[2] = 0
cover_has_base = 0
array res_name[5]; array res_has[5]; array res_low[5]; array res_median[5]; array res_high[5]; array res_base[5]
res_name[1] = 'min_coverage'; res_has[1] = 1; res_low[1] = 2.75; res_median[1] = 45; res_high[1] = 79; res_base[1] = NaN; 
res_name[2] = 'units_under_need'; res_has[2] = 1; res_low[2] = 2; res_median[2] = 2; res_high[2] = 2; res_base[2] = NaN; 
res_name[3] = 'gini'; res_has[3] = 1; res_low[3] = 0.169468; res_median[3] = 0.3038555; res_high[3] = 0.670581; res_base[3] = NaN; 
res_name[4] = 'transfers'; res_has[4] = 1; res_low[4] = 0.361; res_median[4] = 0.7005; res_high[4] = 1.04; res_base[4] = NaN; 
res_name[5] = 'city_balance'; res_has[5] = 1; res_low[5] = -1.04; res_median[5] = -0.7005; res_high[5] = -0.361; res_base[5] = NaN; 
oat_found = 0
top_count = 2
array top_name[3]; array top_src[3]
top_name[1] = 'Tổng mức phân bổ cho cấp xã'; top_src[1] = 0.998619
top_name[2] = 'Mức ưu tiên kinh phí nhiệm vụ được giao'; top_src[2] = 0.006604
pack_date = '01/12/2026'
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_tornado.png'
load plots.'/sweep_tornado.gp'
unset output
set terminal pngcairo size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_scatter.png'
load plots.'/sweep_scatter.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_tornado.svg'
load plots.'/sweep_tornado.gp'
unset output
set terminal svg size 1600,1000 font 'DejaVu Sans,14' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep_scatter.svg'
load plots.'/sweep_scatter.gp'
unset output
set terminal pdfcairo size 29.7cm,21cm font 'DejaVu Sans,11' noenhanced
set output (exists("outdir") ? outdir : 'wf').'/sweep-pack.pdf'
load plots.'/sweep_cover.gp'
load plots.'/sweep_tornado.gp'
load plots.'/sweep_scatter.gp'
unset output
