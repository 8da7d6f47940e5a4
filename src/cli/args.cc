#include "cli/args.h"

namespace dyad::cli {

Result<Args> Args::Parse(int argc, char** argv, const std::set<std::string>& value_flags,
                         const std::set<std::string>& switches) {
  Args a;
  for (int i = 0; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-" || arg.rfind("--", 0) != 0) {  // "-" is stdin, a positional
      a.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      for (++i; i < argc; ++i) a.positional_.push_back(argv[i]);
      break;
    }
    std::string name = arg.substr(2);
    std::string value;
    bool has_inline = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline = true;
    }
    if (switches.count(name)) {
      if (has_inline) return Status::InvalidArgument("--" + name + " takes no value");
      a.values_[name] = "1";
    } else if (value_flags.count(name)) {
      if (!has_inline) {
        if (i + 1 >= argc) return Status::InvalidArgument("--" + name + " needs a value");
        value = argv[++i];
      }
      a.values_[name] = value;
    } else {
      return Status::InvalidArgument("unknown option --" + name);
    }
  }
  return a;
}

std::string Args::Get(const std::string& flag, const std::string& fallback) const {
  auto it = values_.find(flag);
  return it == values_.end() ? fallback : it->second;
}

Result<size_t> Args::GetCount(const std::string& flag, size_t fallback) const {
  auto it = values_.find(flag);
  if (it == values_.end()) return fallback;
  const std::string& v = it->second;
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("--" + flag + " wants a number, got '" + v + "'");
  }
  return static_cast<size_t>(std::stoull(v));
}

}  // namespace dyad::cli
