# logging (levels, hierarchy, handlers, formatters, filters, adapters, basicConfig) and traceback.
import sys
import logging
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format='%(levelname)s:%(name)s:%(funcName)s:%(lineno)d:%(module)s:%(message)s')
log = logging.getLogger('app')
def work(n):
    log.info('working on %d', n)
    log.debug('detail %s %r', 'x', [n])
work(3)
logging.warning('root warning %s', 'here')
child = logging.getLogger('app.db')
child.setLevel(logging.WARNING)
child.info('hidden')
child.error('db error: %(code)s', {'code': 42})
print(child.getEffectiveLevel(), log.getEffectiveLevel(), child.parent is log, logging.getLogger('app') is log)
print(logging.getLevelName(logging.INFO), logging.getLevelName(25), logging.getLevelName('ERROR'))
class LastLine(logging.Formatter):
    def formatException(self, ei):
        return '| ' + super().formatException(ei).splitlines()[-1]
logging.getLogger().handlers[0].setFormatter(LastLine('%(levelname)s:%(name)s:%(message)s'))
try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed')
try:
    raise KeyError('k')
except KeyError as e:
    log.error('with exc_info', exc_info=e)
import traceback
try:
    {}['missing']
except KeyError:
    print(traceback.format_exc().splitlines()[-1], traceback.format_exception_only(sys.exception()))
print(traceback.format_exc())
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('{levelname} [{name}] {message}', style='{'))
other = logging.getLogger('other')
other.propagate = False
other.addHandler(h)
other.warning('brace style %s', 'ok')
other.setLevel(logging.ERROR)
other.warning('suppressed')
other.critical('critical!')
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1
other.addFilter(OnlyOdd())
for i in range(4):
    other.error('n=%d', i)
adapter = logging.LoggerAdapter(log, {'user': 'ann'})
adapter.info('adapted')
print(repr(log), repr(logging.getLogger()), log.isEnabledFor(logging.DEBUG), logging.root.level)
fmt = logging.Formatter('%(name)s|%(message)s')
rec = logging.makeLogRecord({'name': 'x', 'msg': 'hello %s', 'args': ('w',)})
print(fmt.format(rec), rec.getMessage())
logging.disable(logging.CRITICAL)
log.critical('disabled')
logging.disable(logging.NOTSET)
log.info('enabled again')
try:
    logging.Formatter('no fields', style='{')
except ValueError as e:
    print('ValueError:', e)
print(logging.getLevelNamesMapping()['WARN'], logging.WARNING, logging.FATAL)
