#include "cli/filter_flags.h"

namespace dyad::cli {

std::set<std::string> FilterValueFlags() {
  return {"source", "target", "actor", "country", "code", "plover", "quad", "from", "to", "place"};
}

Status ReadFilterFlags(const Args& args, store::EventFilter* f) {
  f->source = args.Get("source");
  f->target = args.Get("target");
  f->actor = args.Get("actor");
  f->country = args.Get("country");
  f->code = args.Get("code");
  f->plover = args.Get("plover");
  f->from = args.Get("from");
  f->to = args.Get("to");
  f->place = args.Get("place");
  if (args.Has("quad")) {
    std::string q = args.Get("quad");
    if (q.size() != 1 || q[0] < '1' || q[0] > '4')
      return Status::InvalidArgument("--quad takes 1, 2, 3 or 4, got '" + q + "'");
    f->quad_class = q[0] - '0';
  }
  return Status::Ok();
}

}  // namespace dyad::cli
