# plots/lib/wrap.gp: a text as labels of at most wrap_width characters each, broken
# between words, from screen position (wrap_x, wrap_y) down by wrap_step per line,
# with label tags from wrap_tag on, in font wrap_font. Set those and wrap_text, then
# load this file; it leaves wrap_y below the last line and wrap_tag after the last tag.
fs_line = ''
do for [fs_i = 1:words(wrap_text)] {
    fs_w = word(wrap_text, fs_i)
    if (strlen(fs_line) > 0 && strlen(fs_line) + 1 + strlen(fs_w) > wrap_width) {
        set label wrap_tag fs_line at screen wrap_x, screen wrap_y left font wrap_font
        wrap_tag = wrap_tag + 1
        wrap_y = wrap_y - wrap_step
        fs_line = fs_w
    } else {
        fs_line = strlen(fs_line) > 0 ? fs_line . ' ' . fs_w : fs_w
    }
}
if (strlen(fs_line) > 0) {
    set label wrap_tag fs_line at screen wrap_x, screen wrap_y left font wrap_font
    wrap_tag = wrap_tag + 1
    wrap_y = wrap_y - wrap_step
}
