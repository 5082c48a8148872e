#include "transform/bind_arguments.h"

#include "transform/suggest.h"

namespace pygraft::transform {

namespace {

size_t non_variadic_count(const std::vector<ParamSpec>& params) {
  size_t count = 0;
  for (const ParamSpec& param : params) count += param.variadic ? 0 : 1;
  return count;
}

bool bind_positional(const std::vector<ParamSpec>& params, const CallSite& site,
                     std::vector<ParamBinding>& bound, DiagnosticSink& diags) {
  size_t next = 0;
  for (size_t p = 0; p < params.size() && next < site.positional.size(); ++p) {
    if (params[p].variadic) {
      while (next < site.positional.size()) bound[p].arguments.push_back(site.positional[next++]);
    } else {
      bound[p].arguments.push_back(site.positional[next++]);
    }
  }
  if (next == site.positional.size()) return true;
  diags.report(DiagCode::WrongArgumentCount, site.positional[next].range,
               quoted(site.callee) + " takes " + std::to_string(non_variadic_count(params)) +
                   " positional argument(s) but " + std::to_string(site.positional.size()) +
                   " were given");
  return false;
}

std::vector<std::string_view> keyword_names(const std::vector<ParamSpec>& params) {
  std::vector<std::string_view> names;
  for (const ParamSpec& param : params) {
    if (!param.variadic) names.push_back(param.name);
  }
  return names;
}

bool bind_keyword(const std::vector<ParamSpec>& params, const CallSite& site,
                  const KeywordArgument& keyword, std::vector<ParamBinding>& bound,
                  DiagnosticSink& diags) {
  for (size_t p = 0; p < params.size(); ++p) {
    if (params[p].name != keyword.name || params[p].variadic) continue;
    if (!bound[p].arguments.empty()) {
      diags.report(
          DiagCode::DuplicateArgument, keyword.range,
          quoted(site.callee) + " got multiple values for argument " + quoted(keyword.name));
      return false;
    }
    bound[p].arguments.push_back(keyword.argument);
    return true;
  }
  diags.report(DiagCode::UnknownKeyword, keyword.range,
               quoted(site.callee) + " got an unexpected keyword argument " + quoted(keyword.name) +
                   did_you_mean(keyword.name, keyword_names(params)));
  return false;
}

}  // namespace

std::optional<std::vector<ParamBinding>> bind_arguments(const std::vector<ParamSpec>& params,
                                                        const CallSite& site,
                                                        DiagnosticSink& diags) {
  std::vector<ParamBinding> bound(params.size());
  bool ok = bind_positional(params, site, bound, diags);
  for (const KeywordArgument& keyword : site.keywords) {
    ok = bind_keyword(params, site, keyword, bound, diags) && ok;
  }
  if (!ok) return std::nullopt;
  for (size_t p = 0; p < params.size(); ++p) {
    if (!bound[p].arguments.empty() || params[p].default_value || params[p].variadic) continue;
    diags.report(
        DiagCode::WrongArgumentCount, site.range,
        quoted(site.callee) + " is missing the required argument " + quoted(params[p].name));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return bound;
}

}  // namespace pygraft::transform
