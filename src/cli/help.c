/*
 * help.c: `fiscalsim --help` and `fiscalsim COMMAND --help`, in the language of
 * --lang (Vietnamese by default, like the charts; `--lang en` for English). The
 * overview gives each command's synopsis, its purpose in one line and an example; a
 * command's help gives its purpose, synopsis, options and example. The examples run
 * from the repository's root as they are written (tests/check_guide.py runs them).
 * Error messages stay in English, as every diagnostic does.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { VI, EN, LANGS };

typedef struct command_help {
    const char *name;
    const char *synopsis;           /* after "fiscalsim " */
    const char *purpose[LANGS];     /* one line, at most 95 characters */
    const char *options[LANGS];     /* one option a line, "  OPTION   what it does" */
    const char *example;            /* after "fiscalsim " */
} command_help;

static const command_help commands[] = {
    {"run",
     "run SCENARIO [-o DIR] [--format csv|xlsx|csv,xlsx] [--charts png,svg,pdf|none] [--lang vi|en]\n"
     "      [--plots SCRIPTS] [--export-lp FILE] [--sync] [--verbose] [--timings]",
     {"giải phân bổ của một kịch bản; ghi bảng, biểu đồ, tài liệu trình HĐND và trang từng xã",
      "solve a scenario's allocation; write its tables, charts, council pack and a page per commune"},
     {"  -o, --output DIR   thư mục kết quả (mặc định: out/<tên tệp kịch bản>)\n"
      "  --format LIST      bảng CSV (cho chương trình), XLSX (cho người đọc) hoặc cả hai\n"
      "  --charts LIST      png, svg, pdf hoặc none (mặc định: png,pdf)\n"
      "  --lang vi|en       ngôn ngữ của biểu đồ, bảng Excel và báo cáo (mặc định: vi)\n"
      "  --plots SCRIPTS    vẽ bằng bản sao thư mục plots/ đã chỉnh\n"
      "  --export-lp FILE   ghi thêm bài toán LP (định dạng CPLEX LP)\n"
      "  --sync             ghi từng tệp xuống đĩa trước khi thay tệp cũ\n"
      "  --verbose          in thêm thông tin của bộ giải\n"
      "  --timings          in thời gian từng bước (mili giây)\n",
      "  -o, --output DIR   the output folder (default: out/<scenario file name>)\n"
      "  --format LIST      CSV tables (for programs), XLSX (for people) or both\n"
      "  --charts LIST      png, svg, pdf or none (default: png,pdf)\n"
      "  --lang vi|en       the language of the charts, the workbook and the report (default: vi)\n"
      "  --plots SCRIPTS    draw with a restyled copy of the plots/ folder\n"
      "  --export-lp FILE   also write the LP (CPLEX LP format)\n"
      "  --sync             flush each file to the disk before it replaces the old one\n"
      "  --verbose          say more of the solver's work\n"
      "  --timings          print each phase's time (milliseconds)\n"},
     "run scenarios/haiphong-2026.cfg -o out/haiphong-2026 --format csv,xlsx"},
    {"check", "check SCENARIO",
     {"kiểm tra kịch bản, báo mọi lỗi cùng lúc (tệp, dòng, khóa, cách sửa), không giải",
      "validate a scenario, every error at once (file, line, key, fix), without solving"},
     {"", ""},
     "check scenarios/haiphong-2026.cfg"},
    {"explain", "explain SCENARIO UNIT [--lang vi|en] [--format text|json]",
     {"giải thích các con số và giới hạn ràng buộc của một đơn vị (gõ tên sao cũng được)",
      "explain one unit's figures and the limits that bind it (its name as typed)"},
     {"  --lang vi|en       ngôn ngữ (mặc định: vi)\n"
      "  --format text|json văn bản cho người đọc hoặc JSON cho chương trình\n",
      "  --lang vi|en       the language (default: vi)\n"
      "  --format text|json text for people or JSON for programs\n"},
     "explain scenarios/haiphong-2026.cfg \"bach long vi\""},
    {"compare",
     "compare BASE REFORM [-o DIR] [--format csv|xlsx|csv,xlsx] [--dates D,...]\n"
     "      [--charts png,svg,pdf|none] [--lang vi|en] [--plots SCRIPTS] [--sync]",
     {"so sánh hai kịch bản: đơn vị được tăng, bị giảm, theo nhóm, và giải ngân",
      "compare two scenarios: winners and losers, by group, and their disbursement"},
     {"  -o, --output DIR   thư mục kết quả (mặc định: out/compare)\n"
      "  --format LIST      bảng CSV, XLSX hoặc cả hai\n"
      "  --dates D,...      các ngày so sánh giải ngân, YYYY-MM-DD\n"
      "  --charts LIST      png, svg, pdf hoặc none (mặc định: png,pdf)\n"
      "  --lang vi|en       ngôn ngữ của biểu đồ và báo cáo (mặc định: vi)\n"
      "  --plots SCRIPTS    vẽ bằng bản sao thư mục plots/ đã chỉnh\n"
      "  --sync             ghi từng tệp xuống đĩa trước khi thay tệp cũ\n",
      "  -o, --output DIR   the output folder (default: out/compare)\n"
      "  --format LIST      CSV tables, XLSX or both\n"
      "  --dates D,...      the dates to compare the disbursement at, YYYY-MM-DD\n"
      "  --charts LIST      png, svg, pdf or none (default: png,pdf)\n"
      "  --lang vi|en       the language of the charts and the report (default: vi)\n"
      "  --plots SCRIPTS    draw with a restyled copy of the plots/ folder\n"
      "  --sync             flush each file to the disk before it replaces the old one\n"},
     "compare scenarios/haiphong-2026.cfg scenarios/reforms/d-priority-50.cfg -o out/compare"},
    {"sweep",
     "sweep SCENARIO [-o DIR] [--jobs N] [--shard K/N] [--resume | --restart] [--sync]\n"
     "      [--charts png,svg,pdf|none] [--lang vi|en] [--plots SCRIPTS] [--export-lps FILE] [--reasons]",
     {"chạy các biến thể trong mục sweep: kết quả, độ nhạy, biểu đồ tornado và quạt",
      "run the variants of a sweep section: results, sensitivities, tornado and fan charts"},
     {"  -o, --output DIR   thư mục kết quả (mặc định: out/sweep)\n"
      "  --jobs N           số tiến trình chạy song song, 1 đến 1024 (mặc định: mọi lõi)\n"
      "  --shard K/N        chỉ chạy phần thứ K trong N phần (1 <= K <= N <= 1000000), ghi\n"
      "                     sweep-shard-K-of-N.csv; fiscalsim merge gộp các phần\n"
      "  --resume           chạy tiếp đợt quét bị gián đoạn có nhật ký trong DIR\n"
      "  --restart          bỏ nhật ký trong DIR (của đợt quét bị gián đoạn hay của đợt khác)\n"
      "                     và chạy lại từ đầu\n"
      "  --sync             ghi từng tệp xuống đĩa trước khi thay tệp cũ\n"
      "  --charts LIST      png, svg, pdf hoặc none (mặc định: png,pdf)\n"
      "  --lang vi|en       ngôn ngữ của biểu đồ (mặc định: vi)\n"
      "  --plots SCRIPTS    vẽ bằng bản sao thư mục plots/ đã chỉnh (mặc định: plots/ cạnh\n"
      "                     chương trình)\n"
      "  --export-lps FILE  ghi thêm bài toán LP của từng biến thể, mỗi dòng một JSON\n"
      "  --reasons          nói vì sao từng biến thể không khả thi: yêu cầu nào phải nới trước\n"
      "                     và nới bao nhiêu (cột reason của sweep.csv; khoảng 0,5 ms một biến thể)\n"
      "\n"
      "Đợt quét không chạy đè lên nhật ký có sẵn trong DIR: nó nói nhật ký là của đợt nào và\n"
      "nên dùng --resume hay --restart.\n",
      "  -o, --output DIR   the output folder (default: out/sweep)\n"
      "  --jobs N           worker processes, 1 to 1024 (default: all cores)\n"
      "  --shard K/N        run only the K-th of N parts (1 <= K <= N <= 1000000) and write\n"
      "                     sweep-shard-K-of-N.csv; fiscalsim merge gathers the parts\n"
      "  --resume           continue the interrupted sweep whose journal is in DIR\n"
      "  --restart          discard the journal in DIR (of an interrupted sweep, or of another\n"
      "                     sweep) and start afresh\n"
      "  --sync             flush each output file to the disk before it replaces the old one\n"
      "  --charts LIST      png, svg, pdf, or none (default: png,pdf)\n"
      "  --lang vi|en       the language of the charts (default: vi)\n"
      "  --plots SCRIPTS    draw the charts with the chart scripts of SCRIPTS, a restyled copy\n"
      "                     of plots/ (default: plots/ next to the program)\n"
      "  --export-lps FILE  also write every variant's LP, one JSON line each\n"
      "  --reasons          say why each infeasible variant is: the requirement that gives way\n"
      "                     first and by how much (sweep.csv's reason; about 0.5 ms a variant)\n"
      "\n"
      "A sweep does not start over a journal it finds in DIR: it says whose the journal is\n"
      "and whether --resume or --restart applies.\n"},
     "sweep scenarios/sweeps/haiphong-envelope.cfg -o out/sweep"},
    {"merge", "merge SCENARIO SHARD... [-o DIR] [--charts png,svg,pdf|none] [--lang vi|en] [--plots SCRIPTS]",
     {"gộp các phần (--shard) của một đợt quét thành kết quả và biểu đồ chung",
      "merge the parts (--shard) of a sweep into its outputs and charts"},
     {"  -o, --output DIR   thư mục kết quả (mặc định: out/sweep)\n"
      "  --charts LIST      png, svg, pdf hoặc none (mặc định: png,pdf)\n"
      "  --lang vi|en       ngôn ngữ của biểu đồ (mặc định: vi)\n"
      "  --plots SCRIPTS    vẽ bằng bản sao thư mục plots/ đã chỉnh\n",
      "  -o, --output DIR   the output folder (default: out/sweep)\n"
      "  --charts LIST      png, svg, pdf or none (default: png,pdf)\n"
      "  --lang vi|en       the language of the charts (default: vi)\n"
      "  --plots SCRIPTS    draw with a restyled copy of the plots/ folder\n"},
     "merge scenarios/sweeps/haiphong-envelope.cfg out/s1/sweep-shard-1-of-2.csv "
     "out/s2/sweep-shard-2-of-2.csv -o out/sweep-merged"},
    {"backtest", "backtest SCENARIO [-o DIR] [--cutoffs MM-DD,...] [--charts png,svg,pdf|none] [--lang vi|en]\n"
                 "      [--plots SCRIPTS] [--sync]",
     {"kiểm tra lại dự báo giải ngân từng năm từ các mốc trong năm, so với số thực hiện",
      "backtest each year's disbursement forecast from cutoffs within it against the actuals"},
     {"  -o, --output DIR   thư mục kết quả (mặc định: out/backtest)\n"
      "  --cutoffs LIST     các mốc trong năm, MM-DD (mặc định: 04-30,06-30,08-31)\n"
      "  --charts LIST      png, svg, pdf hoặc none (mặc định: png)\n"
      "  --lang vi|en       ngôn ngữ của biểu đồ (mặc định: vi)\n"
      "  --plots SCRIPTS    vẽ bằng bản sao thư mục plots/ đã chỉnh\n"
      "  --sync             ghi từng tệp xuống đĩa trước khi thay tệp cũ\n",
      "  -o, --output DIR   the output folder (default: out/backtest)\n"
      "  --cutoffs LIST     the cutoffs within the year, MM-DD (default: 04-30,06-30,08-31)\n"
      "  --charts LIST      png, svg, pdf or none (default: png)\n"
      "  --lang vi|en       the language of the charts (default: vi)\n"
      "  --plots SCRIPTS    draw with a restyled copy of the plots/ folder\n"
      "  --sync             flush each file to the disk before it replaces the old one\n"},
     "backtest scenarios/haiphong-2026.cfg -o out/backtest"},
    {"template", "template SCENARIO -o UNITS.xlsx",
     {"xuất bảng đơn vị ra tệp Excel để điền số liệu thật",
      "write the units table as an Excel workbook to fill in with real figures"},
     {"  -o, --output FILE  tệp Excel cần ghi\n", "  -o, --output FILE  the workbook to write\n"},
     "template scenarios/haiphong-2026.cfg -o out/don-vi.xlsx"},
    {"plot", "plot DIR [--charts png,svg,pdf] [--lang vi|en] [--plots SCRIPTS] [--unit NAME]",
     {"vẽ lại biểu đồ từ bảng của một lần chạy (không giải lại); --unit: trang của một đơn vị",
      "redraw the charts from a run's tables (no solve); --unit: one unit's page"},
     {"  --charts LIST      png, svg hoặc pdf (mặc định: png,pdf)\n"
      "  --lang vi|en       ngôn ngữ của biểu đồ (mặc định: vi)\n"
      "  --plots SCRIPTS    vẽ bằng bản sao thư mục plots/ đã chỉnh\n"
      "  --unit NAME        chỉ trang của đơn vị NAME trong communes.pdf\n",
      "  --charts LIST      png, svg or pdf (default: png,pdf)\n"
      "  --lang vi|en       the language of the charts (default: vi)\n"
      "  --plots SCRIPTS    draw with a restyled copy of the plots/ folder\n"
      "  --unit NAME        only the page of unit NAME of communes.pdf\n"},
     "plot out/haiphong-2026 --unit \"bach long vi\""},
};
enum { COMMANDS = sizeof commands / sizeof *commands };

static const char *const words[][LANGS] = {
    {"cách dùng: fiscalsim LỆNH [ĐỐI SỐ]", "usage: fiscalsim COMMAND [ARGS]"},
    {"các lệnh (fiscalsim LỆNH --help: chi tiết; --lang en: tiếng Anh):",
     "commands (fiscalsim COMMAND --help: details; --lang vi: Vietnamese):"},
    {"ví dụ", "example"},
    {"tùy chọn:", "options:"},
    {"mã thoát: 0 thành công, 1 chính sách không khả thi, 64 dùng sai lệnh, 65 dữ liệu vào không hợp lệ,\n"
     "          69 thiếu chương trình, 70 lỗi nội bộ, 74 lỗi đọc ghi, 75 hết thời gian mà chưa có phân bổ\n"
     "          (docs/exit-codes.md)",
     "exit codes: 0 ok, 1 infeasible policy, 64 usage, 65 invalid input, 69 missing program,\n"
     "            70 internal error, 74 I/O error, 75 time limit reached with no allocation\n"
     "            (docs/exit-codes.md)"},
    {"  --help, --version", "  --help, --version"},
    {"cách dùng:", "usage:"},
};
enum { W_USAGE, W_COMMANDS, W_EXAMPLE, W_OPTIONS, W_EXIT, W_HELP, W_USE };

/* The language asked for by a --lang among the arguments: English for "en", else
 * Vietnamese. */
static int help_lang(int argc, char **argv)
{
    for (int i = 0; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--lang") && !strcmp(argv[i + 1], "en")) return EN;
    return VI;
}

/* text, each line after the first indented by `indent` spaces. */
static void indented(FILE *out, const char *text, int indent)
{
    for (const char *p = text; *p; p++) {
        fputc(*p, out);
        if (*p == '\n' && p[1]) fprintf(out, "%*s", indent, "");
    }
}

void cli_print_overview(FILE *out, int argc, char **argv)
{
    int l = help_lang(argc, argv);
    fprintf(out, "%s\n\n%s\n", words[W_USAGE][l], words[W_COMMANDS][l]);
    for (size_t k = 0; k < COMMANDS; k++) {
        const command_help *c = &commands[k];
        fputs("  ", out);
        indented(out, c->synopsis, 2);
        fputs("\n      ", out);
        indented(out, c->purpose[l], 6);
        fprintf(out, "\n      %s: fiscalsim %s\n", words[W_EXAMPLE][l], c->example);
    }
    fprintf(out, "%s\n\n%s\n", words[W_HELP][l], words[W_EXIT][l]);
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return true;
    return false;
}

int cli_print_command_help(const char *name, int argc, char **argv)
{
    int l = help_lang(argc, argv);
    for (size_t k = 0; k < COMMANDS; k++) {
        const command_help *c = &commands[k];
        if (strcmp(c->name, name)) continue;
        fputs("fiscalsim ", stdout);
        fputs(c->name, stdout);
        fputs(": ", stdout);
        fputs(c->purpose[l], stdout);
        fputs("\n\n", stdout);
        fputs(words[W_USE][l], stdout);
        fputs("\n  fiscalsim ", stdout);
        indented(stdout, c->synopsis, 2);
        fputs("\n", stdout);
        if (c->options[l][0]) printf("\n%s\n%s", words[W_OPTIONS][l], c->options[l]);
        printf("\n%s:\n  fiscalsim %s\n", words[W_EXAMPLE][l], c->example);
        return FS_OK;
    }
    return cli_usage_error("unknown command \"%s\"", name);
}
