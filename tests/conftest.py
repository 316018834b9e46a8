def pytest_addoption(parser):
    parser.addoption("--nb-flags", default="", help="space-separated nbdev tst_flags to run (e.g. 'slow')")
