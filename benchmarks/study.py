"""What the equal-budget studies share: the package's one training loop (`training.train`) run for a CPU budget, its
EMA model scored by the one scoring entry point (`scoring.score`) at CPU-second marks."""
import tempfile
from mnist_diffusion.checkpoint import read_log
from mnist_diffusion.scoring import SampleSpec, make_eval_fn
from mnist_diffusion.training import TrainConfig, train

def budget_run(model, marks, spec, dataset, rule=None, **cfg) -> list[dict]:
    "Train `model` for max(`marks`) CPU-seconds (`TrainConfig(**cfg)`); a row per mark, scored on `rule` by `spec`."
    c = TrainConfig(**dict(epochs=10**6, budget_s=max(marks), clock='cpu', marks=tuple(sorted(marks)), grid_every=0,
                           run_dir=tempfile.mkdtemp(), progress=False, device='cpu', amp=False) | cfg)
    keys = ('fid', 'kid', 'IS', 'effective_classes')
    score = make_eval_fn(spec, keys=keys, rule=rule) if isinstance(spec, SampleSpec) else spec   # or a callable
    return read_log(train(c, dataset, score, model=model), 'marks.csv')
