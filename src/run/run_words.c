/*
 * run_words.c: the sentences of the terminal reports in Vietnamese and English (see
 * run_words.h). The Vietnamese ones use the words of the charts and of explain:
 * "tỷ lệ đáp ứng nhu cầu chi" for coverage of need, "bổ sung cân đối" for balancing
 * transfers, "cấp xã" for the lower level.
 */
#include "run_words.h"

#include <math.h>

#include "money_text.h"

static const report_words vi = {
    .lang = FS_LANG_VI,
    .arrow = "→",
    .optimal = "tối ưu",
    .legal = "theo công thức luật định",
    .time_limit = "phân bổ tốt nhất tìm được trong thời gian cho phép",
    .summary = "%s: %s, tỷ lệ đáp ứng nhu cầu chi thấp nhất %s, %s/%s đơn vị được phân bổ dưới nhu cầu chi, "
               "kết quả tại %s\n",
    .year_solved = "%d: tỷ lệ đáp ứng thấp nhất %s, %s đơn vị dưới nhu cầu chi, bổ sung cân đối %s\n",
    .year_status = {"đã giải", "không có phương án phân bổ khả thi", "không chạy"},
    .shares = "tỷ lệ phân chia đã chọn, %s:",
    .shares_by_unit = "tỷ lệ phân chia chọn theo từng đơn vị, %s: từ %s%% đến %s%% trên %s đơn vị\n",
    .disbursement = "giải ngân %d: dự báo đến %s: toàn bộ kế hoạch %s%% %s, cấp xã %s%% %s (khoảng %s%%)\n",
    .band = "[%s; %s]",
    .calib_baseline = "hiệu chỉnh: theo phương án cơ sở (tại %s điểm số liệu năm %d của kịch bản này, chênh lệch "
                      "tối đa %s điểm phần trăm)\n",
    .calib_points = "hiệu chỉnh: %s điểm số liệu%s năm %d",
    .calib_residual = " (sai lệch lớn nhất %s điểm phần trăm)",
    .calib_prior = " và phân phối tiên nghiệm từ %s năm kế hoạch khác%s (%s điểm)",
    .calib_few = "; %s điểm%s cho %s tham số: phần còn lại dựa vào tiên nghiệm",
    .calib_weight = "; số liệu năm nay quyết định %s%% độ bất định của dự báo tại %s, tiên nghiệm %s%%; khoảng dự "
                    "báo nới rộng ×%s theo kiểm định bỏ từng năm\n",
    .cash_none = "ngân quỹ: không tháng nào bị giới hạn bởi ngân quỹ",
    .cash_months = "ngân quỹ: %s tháng%s bị giới hạn (",
    .cash_delay = "), chậm %s %s-tháng, %s không chi kịp hạn",
    .at_risk = "; %s đơn vị có nguy cơ không kịp hạn giải ngân, %s đơn vị cần theo dõi\n",
    .compare = "%s → %s: %s đơn vị được tăng, %s bị giảm, %s không đổi; phân bổ thay đổi %s, bổ sung cân đối thay "
               "đổi %s %s; kết quả tại %s\n",
    .shares_changed = "tỷ lệ phân chia thay đổi, %s:",
    .none = "(không có)",
    .shares_changed_units = "tỷ lệ phân chia theo từng đơn vị thay đổi: %s (compare_shares.csv)\n",
    .compare_disb = "giải ngân toàn bộ kế hoạch, tỷ lệ dự báo và số mô phỏng đến cuối tháng (%s):\n",
    .sweep_merged = "%s: đã gộp %s phần, %s biến thể, %s giải được, %s không khả thi, %s lỗi, kết quả tại %s\n",
    .sweep_shard = "%s: phần %s/%s đã ghi vào %s (gộp các phần bằng fiscalsim merge)\n",
    .sweep_done = "%s: %s biến thể (%s lấy từ nhật ký), %s giải được, %s không khả thi, %s lỗi, kết quả tại %s\n",
    .backtest = "%s: kiểm định dự báo trên %s năm kế hoạch, kết quả tại %s\n",
    .cutoff = "mốc %s: %s điểm, %s%% nằm trong khoảng dự báo",
    .cutoff_error = "; sai số tuyệt đối trung bình (điểm phần trăm) đến %s trên %s điểm: mô hình %s, số năm trước "
                    "%s, đường trung bình %s",
    .year_end = {"31/12", "31/01"},
};

static const report_words en = {
    .lang = FS_LANG_EN,
    .arrow = "->",
    .optimal = "optimal",
    .legal = "legal formula",
    .time_limit = "best allocation found within the time limit",
    .summary = "%s: %s, min coverage %s, %s of %s units under need, outputs in %s\n",
    .year_solved = "%d: min coverage %s, %s units under need, transfers %s\n",
    .year_status = {"solved", "no feasible allocation", "not run"},
    .shares = "chosen shares, %s:",
    .shares_by_unit = "chosen shares unit by unit, %s: %s%% to %s%% over %s units\n",
    .disbursement = "disbursement %d: forecast by %s: whole plan %s%% %s, lower level %s%% %s (%s%% band)\n",
    .band = "[%s, %s]",
    .calib_baseline = "calibration: the baseline's (at this scenario's %s points of %d it differs by up to %s pp)\n",
    .calib_points = "calibration: %s point%s of %d",
    .calib_residual = " (largest residual %s pp)",
    .calib_prior = " and a prior from %s other plan year%s (%s points)",
    .calib_few = "; %s point%s for %s parameters: the prior carries the rest",
    .calib_weight = "; this year's points settle %s%% of the forecast's uncertainty at %s, the prior %s%%; bands "
                    "widened x%s by leave-one-year-out\n",
    .cash_none = "cash: no month is cash-constrained",
    .cash_months = "cash: %s constrained month%s (",
    .cash_delay = "), delay %s %s-months, %s not paid by a deadline",
    .at_risk = "; %s units at risk of missing the deadline, %s to watch\n",
    .compare = "%s -> %s: %s winners, %s losers, %s unchanged; allocation change %s, transfers change %s %s; "
               "outputs in %s\n",
    .shares_changed = "shares changed, %s:",
    .none = "(none)",
    .shares_changed_units = "shares changed unit by unit: %s (compare_shares.csv)\n",
    .compare_disb = "disbursement of the whole plan, forecast share and simulated by the month's end (%s):\n",
    .sweep_merged = "%s: %s shards merged, %s variants, %s solved, %s infeasible, %s failed, outputs in %s\n",
    .sweep_shard = "%s: shard %s of %s written to %s (merge the shards with fiscalsim merge)\n",
    .sweep_done = "%s: %s variants (%s from the journal), %s solved, %s infeasible, %s failed, outputs in %s\n",
    .backtest = "%s: backtest of %s plan years, outputs in %s\n",
    .cutoff = "cutoff %s: %s points, %s%% inside the band",
    .cutoff_error = "; %s mean abs error (pp) over %s: model %s, last year %s, mean curve %s",
    .year_end = {"31 Dec", "31 Jan"},
};

const report_words *report_words_of(fs_lang lang)
{
    return lang == FS_LANG_EN ? &en : &vi;
}

const char *report_plural(size_t n, const report_words *w)
{
    return w->lang == FS_LANG_EN && n != 1 ? "s" : "";
}

const char *report_int(report_number buf, int64_t v, const report_words *w)
{
    fs_format_int(v, w->lang, buf, sizeof(report_number));
    return buf;
}

const char *report_share(report_number buf, double share, const report_words *w)
{
    double v = 100 * share;
    int decimals = 0;
    while (decimals < 4 && fabs(v * pow(10, decimals) - round(v * pow(10, decimals))) > 1e-6) decimals++;
    return report_real(buf, v, decimals, w);
}

const char *report_real(report_number buf, double v, int decimals, const report_words *w)
{
    fs_format_real(v, decimals, w->lang, buf, sizeof(report_number));
    return buf;
}
